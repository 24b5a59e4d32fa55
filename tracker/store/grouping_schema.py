"""The grouping tables (claim groups, their keys and members, subject keys, conflicts) and their views.

Created beside the article tables by `tracker.store.db`; kept apart from the grouping rules so that the rules
read as rules. Databases made by earlier versions are moved to the current layouts when opened.
"""

from __future__ import annotations

import re

import sqlite_utils

SCHEMA = """
create table if not exists claim_groups_dirty (id integer primary key);
create table if not exists claim_groups (
    id integer primary key,
    label text,
    first_claim_id text,
    unit text,
    value real,
    appearances integer,
    articles integer,
    sources integer,
    speakers integer,
    first_published text,
    last_published text,
    conflicts integer default 0
);
create index if not exists claim_groups_articles on claim_groups(articles);
create index if not exists claim_groups_first_published on claim_groups(first_published);
create index if not exists claim_groups_unit on claim_groups(unit);
-- The claim_groups page shows the groups stated in two or more articles (`articles >= 2`, tracker.web.finding)
-- with a facet by unit: this index holds only those groups (60,000 of 830,000 at 100,000 articles), so the
-- facet and the page's count read it alone instead of looking up every repeated group's row (0.3 s).
create index if not exists claim_groups_repeated_unit on claim_groups(unit) where articles >= 2;
-- a rowid table: its (group_id, published) index then holds a rowid rather than the claim id, four times
-- narrower, and new members (which join groups all over that index) dirty fewer pages per batch
create table if not exists claim_group_members (
    claim_id text primary key,
    group_id integer not null references claim_groups(id) deferrable initially deferred,
    article_id text not null,
    published text,
    match text,
    keys text
);
create index if not exists claim_group_members_group on claim_group_members(group_id, published);
-- an article's members are found by their claim ids, which begin with the article id: no index on article_id
-- (one fewer random write per claim), and databases made before lose theirs when next opened
drop index if exists claim_group_members_article;
create table if not exists claim_group_keys (
    key integer primary key,
    group_id integer not null,
    members integer not null default 0
);
create index if not exists claim_group_keys_group on claim_group_keys(group_id);
create table if not exists claim_conflicts (
    id integer primary key,
    claim_id text not null,
    other_claim_id text not null,
    unit text,
    value real,
    other_value real,
    shared_entities integer,
    wording_overlap real,
    unique (claim_id, other_claim_id)
);
create index if not exists claim_conflicts_other on claim_conflicts(other_claim_id);
create index if not exists claim_conflicts_unit on claim_conflicts(unit);
"""


def _side(col: str, suffix: str) -> str:
    claim = f"(select {{}} from claims c where c.id = x.{col})"
    art = f"(select {{}} from articles a where a.id = {claim.format('c.article_id')})"
    return ",\n       ".join(
        [
            f"{claim.format('c.published')} as published_{suffix}",
            f"{art.format('a.source')} as source_{suffix}",
            f"(select s.name from speakers s where s.id = {claim.format('c.speaker_id')}) as speaker_{suffix}",
            f"{claim.format('c.text')} as claim_{suffix}",
            f"{art.format('a.title')} as article_{suffix}",
        ]
    )


# Scalar subqueries rather than joins: Datasette's count(*) and the unit facet then read claim_conflicts alone,
# and the other columns are looked up only for the rows shown.
VIEWS = {
    "claim_conflicts_side_by_side": f"""
select x.id as conflict_id, x.unit, x.value as value_a, x.other_value as value_b,
       round(max(x.value, x.other_value) / min(x.value, x.other_value), 2) as ratio,
       x.shared_entities, x.wording_overlap,
       {_side("claim_id", "a")},
       {_side("other_claim_id", "b")},
       x.claim_id as claim_id_a, x.other_claim_id as claim_id_b,
       (select m.group_id from claim_group_members m where m.claim_id = x.claim_id) as group_a,
       (select m.group_id from claim_group_members m where m.claim_id = x.other_claim_id) as group_b
from claim_conflicts x
""",
}


# Rows appended in input order (a claim's rows together), found through a narrow index on the key: the subject
# keys are hashes, so each insert lands at a random place in that index, and a narrow one has several times
# fewer pages to dirty per batch than the whole row keyed by (key, claim_id) had. Rowid order is input order:
# the conflict rules take a key's first holders by it. `value` is the claim's first figure in the key's unit,
# `more` (JSON) its other figures in that unit, if any. Databases made with the (key, claim_id) layout are
# moved to this one when opened (`_migrate_subject_keys`).
SUBJECT_KEYS = """
create table claim_subject_keys (
    key integer not null,
    claim_id text not null,
    article_id text not null,
    unit text not null,
    value real not null,
    more text
);
create index claim_subject_keys_key on claim_subject_keys(key);
create index claim_subject_keys_claim on claim_subject_keys(claim_id);
"""

# The next group id: a group is numbered when a claim none of whose keys any earlier claim had starts it, so the
# ids follow the input order whatever the batches (max(id) + 1 would reuse the ids of groups merged away).
GROUP_IDS = "create table if not exists claim_group_ids (next integer not null)"


def _migrate_subject_keys(db: sqlite_utils.Database) -> None:
    """Bring a claim_subject_keys table of an earlier layout to the current one: a WITHOUT ROWID table is
    copied into a rowid table in the claims' input order (their rowids), and a missing `more` column added."""
    row = db.execute("select sql from sqlite_master where type = 'table' and name = 'claim_subject_keys'").fetchone()
    if row is None:
        return
    if "without rowid" in row[0].lower():
        with db.atomic():
            db.execute("drop index if exists claim_subject_keys_claim")
            db.execute("alter table claim_subject_keys rename to _claim_subject_keys_old")
            for statement in SUBJECT_KEYS.split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(
                "insert into claim_subject_keys (key, claim_id, article_id, unit, value) "
                "select s.key, s.claim_id, s.article_id, s.unit, s.value from _claim_subject_keys_old s "
                "left join claims c on c.id = s.claim_id order by c.rowid, s.claim_id, s.key"
            )
            db.execute("drop table _claim_subject_keys_old")
    elif "more" not in db["claim_subject_keys"].columns_dict:
        db.execute("alter table claim_subject_keys add column more text")


_INDEX_NAME = re.compile(r"^(?:\s*--[^\n]*\n)*\s*create index if not exists (\w+)", re.I)  # after any comment lines


def ensure_schema(db: sqlite_utils.Database, skip: set[str] | frozenset[str] = frozenset()) -> None:
    """Create the grouping tables, indexes and views if missing; safe on every open. Indexes named in `skip`
    (left out by a bulk load, see `tracker.store.bulk`) are not created."""
    statements = [*SCHEMA.split(";"), GROUP_IDS]
    if db["claim_subject_keys"].exists():
        _migrate_subject_keys(db)
    else:
        statements += SUBJECT_KEYS.split(";")
    for statement in statements:
        m = _INDEX_NAME.match(statement)
        if statement.strip() and not (m and m.group(1) in skip):
            db.execute(statement)
    for name, sql in VIEWS.items():
        row = db.execute("select sql from sqlite_master where type = 'view' and name = ?", [name]).fetchone()
        if row is None or row[0] != f"CREATE VIEW {name} AS {sql}":
            db.create_view(name, sql, replace=True)
