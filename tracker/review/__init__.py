"""Review: people's work on the stored data.

Takes a database built by `tracker.store` and gives the ways researchers work on it: annotations (verdicts, notes
and sources, append-only), accounts for the people who make them, and exports (CSV, JSON, ClaimReview), with the
command-line commands for each. Uses the store; the web layer serves it.
"""
