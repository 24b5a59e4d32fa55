"""Evaluate: extraction held to hand-annotated gold data.

Takes gold files (PolNeAR attributions, ClaimBuster sentences, whole annotated articles) and gives the scores
behind `tracker eval`: precision, recall and F1 with the rules each metric defines. Uses extraction only, so a
score measures the rules and nothing else.
"""
