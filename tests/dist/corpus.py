"""A made-up corpus for the same-answers tests: small, built in the test, and dense in what depends on order.

Every article states figures about a few countries and named projects, several in different words, some
disagreeing (conflicts), one hot subject stated by far more articles than the candidate and conflict caps
(so which earlier claims a claim keeps matters), and quotes by the same people under changing roles (so which
role a speaker keeps matters). Seeded: the same N gives the same articles.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tracker.store.rows import STORED_TABLES

COUNTRIES = "Turkey Russia Brazil India Nigeria Kenya Germany France Poland Japan".split()
PROJECTS = [
    "Northern Star Pipeline",
    "Golden Gate Railway",
    "Blue River Dam",
    "Iron Coast Port",
    "Silver Lake Bridge",
    "Red Sun Refinery",
]
PEOPLE = ["Maria Okafor", "James Lindqvist", "Olga Petrov", "Kenji Tanaka", "Amara Haddad", "Ravi Mehta"]
ROLES = ["finance minister", "energy minister", "prime minister", "spokesperson", "chief executive"]
SOURCES = ["Reuters", "AP", "AFP", "BBC", "DW", "TASS"]
FACTS = [
    "{country} agreed to pay {fig} for the {project} project, officials said.",
    "The {project} project will cost {country} {fig}, according to the finance ministry.",
    "Officials in {country} put the cost of the {project} project at {fig}.",
    "{country} is spending {fig} on the {project} project, the government confirmed on Monday.",
]
HOT = "{country} spent {fig} on the Northern Star Pipeline and {pct} percent of it went to steel."
QUOTES = [
    '"We will finish the {project} on time," said {role} {person}.',
    '{person}, the {role}, said: "The {project} is the largest investment in {country} this decade."',
    '"Nobody expected the {project} to cost so much," {person} told reporters.',
]


def figure(billions: float, rng: random.Random) -> str:
    v = f"{billions:g}"
    return rng.choice([f"${v} billion", f"${v}bn", f"{v} billion dollars", f"US${v} billion"])


def articles(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sentences = []
        for _ in range(rng.randint(2, 4)):
            sentences.append(
                rng.choice(FACTS).format(
                    country=rng.choice(COUNTRIES[:4]),
                    project=rng.choice(PROJECTS),
                    fig=figure(rng.choice([1.5, 2, 2.5, 3, 4.8]), rng),
                )
            )
        if rng.random() < 0.6:
            sentences.append(
                HOT.format(
                    country="Turkey", fig=figure(rng.choice([2, 2.5, 3, 3.5, 4]), rng), pct=rng.choice([10, 15, 30])
                )
            )
        for _ in range(rng.randint(1, 2)):
            role = rng.choice(ROLES)
            sentences.append(
                rng.choice(QUOTES).format(
                    project=rng.choice(PROJECTS),
                    person=rng.choice(PEOPLE),
                    role=role,
                    country=rng.choice(COUNTRIES),
                )
            )
        rng.shuffle(sentences)
        day = 1 + i % 28
        out.append(
            {
                "title": f"Report {i} on {rng.choice(PROJECTS)}",
                "date": f"2021-{1 + i % 12:02d}-{day:02d}",
                "source": rng.choice(SOURCES),
                "url": f"https://news.example.org/{i}",
                "text": " ".join(sentences),
            }
        )
    return out


REVISED = " Turkey agreed to pay {fig} for the Blue River Dam project, officials said."


def with_repeats(arts: list[dict]) -> list[dict]:
    """`arts` (at least 40) with articles repeated the ways a crawl repeats them, each later in the input than
    its first copy: an exact copy (twice: once next to it, once far away); the same URL with a changed figure;
    the same URL with a changed headline (its id changes with the headline); a changed copy that a third copy
    changes back; and, without URLs, the same title, date and source with changed text. Which copy a path
    keeps, and under which id, is the rule under test."""
    out = [dict(a) for a in arts]

    def changed(a: dict, **kw) -> dict:
        return {**a, **kw}

    no_url = [changed(out[i], url=None) for i in (3, 4)]
    out[3], out[4] = no_url
    later = [
        (2, dict(out[1])),  # an exact copy, next to the first
        (len(out) - 5, dict(out[1])),  # and another, far later
        (25, changed(out[6], text=out[6]["text"] + REVISED.format(fig="$9 billion"))),  # same URL, changed text
        (30, changed(out[7], title="UPDATED: " + out[7]["title"])),  # same URL, changed headline: same article
        (18, changed(out[8], text=out[8]["text"] + REVISED.format(fig="$7 billion"))),  # changed ...
        (len(out) - 2, dict(out[8])),  # ... and changed back
        (33, changed(out[3], text=REVISED.format(fig="$8 billion") + out[3]["text"])),  # no URL: title, date, source
        (36, dict(out[4])),  # no URL, an exact copy
    ]
    for at, a in sorted(later, key=lambda x: -x[0]):
        out.insert(at, a)
    return out


def write_jsonl(path: Path, n: int, seed: int = 7) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles(n, seed)), encoding="utf-8")
    return path


# Columns that differ between two runs by nature, not by rule: when a row was written.
RUN_COLUMNS = {"ingested_at", "updated_at"}
TABLES = [
    *STORED_TABLES,
    "claim_groups",
    "claim_group_members",
    "claim_conflicts",
]


def contents(db_path) -> dict[str, list[tuple]]:
    """Every row of every table a reader sees, all columns but the write times, sorted."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    out = {}
    for table in TABLES:
        cols = [r[1] for r in conn.execute(f"pragma table_info([{table}])") if r[1] not in RUN_COLUMNS]
        rows = conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{table}]").fetchall()
        out[table] = sorted(rows, key=repr)
    conn.close()
    return out
