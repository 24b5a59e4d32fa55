"""Cross-article fact tracking: claim groups (the same fact stated in several articles) and conflicts (the
same subject with figures that disagree beyond rounding).

Grouping is incremental. Each claim gets a few *keys*, hashed to 64-bit integers:

* a figure key per headline quantity and entity: the unit, the value rounded to two significant figures and
  one entity the claim names (so "$2.5 billion", "$2.5bn" and "2.5 billion dollars" about Turkey meet, but a
  bare "39 people" with no entity does not join every other 39);
* a wording key: the set of the claim's content words (stop words, case, punctuation, order and plural "s"
  ignored), when it has at least five of them.

`claim_group_keys(key, group_id, members)` maps each key to its group; a new claim joins the group of any key
it shares and, if its keys point at several groups, those groups are merged. Nothing is recomputed beyond the
groups a batch touches. Conflicts are found the same way through `claim_subject_keys` (unit plus a pair of
entities, or unit plus one entity plus the claim's wording without its numbers), then checked pairwise: the
figures must differ beyond rounding (and by less than a factor of five), and the claims must share more than
one signal (two entities, or an entity and most of their wording).

`update(db, merged)` runs inside `db.write_batch`'s transaction with the rows the batch wrote: the batch's
articles' previous memberships are removed first (a re-parse deletes and re-inserts their claims), then every
claim of the batch is keyed and placed. A claim that was only re-parsed finds its old group again through the
keys, which are dropped only when no member holds them any more. A group that loses the claim that once
bridged two facts stays merged; that is the one approximation.
"""

from __future__ import annotations

import hashlib
import json
import re
from itertools import combinations, islice
from typing import Any

import sqlite_utils

MIN_WORDING_TOKENS = 5
MIN_FRAME_TOKENS = 3
MAX_ENTITIES = 5
MAX_CANDIDATES = 25  # stored claims read per subject key when looking for conflicts (hot subjects are capped)
MAX_CONFLICTS_PER_CLAIM = 5
MEMO_MAX = 100_000  # stored conflict candidates remembered during one ingest (tens of MB at most)
MAX_RATIO = 5.0
MIN_RELATIVE_DIFF = 0.02

STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers him his how i if in into is it its itself just me more most my no nor not now of off on once only or other
our ours out over own same she should so some such than that the their theirs them then there these they this
those through to too under until up very was we were what when where which while who whom why will with would
you your said says say told according reported also new one two three four five six seven eight nine ten per
""".split()
)
SCALE_WORDS = frozenset(
    "hundred thousand thousands million millions billion billions trillion bn m k mn tn usd us dollar dollars "
    "euro euros eur pound pounds gbp yen percent per cent around about nearly almost roughly some approximately "
    "over under least than more less up".split()
)
_TOKEN = re.compile(r"[a-z]+|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"^\d")


def _word(t: str) -> str:
    """A word's normal form for matching, or "" when it carries no content."""
    if t in STOPWORDS or (len(t) < 3 and t not in ("bn", "mn", "tn")):
        return ""
    if len(t) > 4 and t.endswith("s") and not t.endswith("ss"):
        return t[:-1]
    return t


# Normal forms of the words seen so far: every claim of every article is tokenised, and words recur. Bounded
# so that a stream of odd tokens cannot grow it without end.
_WORDS: dict[str, str] = {}
_WORDS_MAX = 200_000


def _tokens(text: str) -> list[str]:
    out = []
    words = _WORDS
    for t in _TOKEN.findall(text.lower()):
        w = words.get(t)
        if w is None:
            if t[0].isdigit():
                out.append(t.replace(",", ""))
                continue
            w = _word(t)
            if len(words) < _WORDS_MAX:
                words[t] = w
        if w:
            out.append(w)
    return out


def wording_tokens(text: str) -> frozenset[str]:
    """Content words of a claim, numbers included: what near-identical wording shares."""
    return frozenset(_tokens(text))


def frame_tokens(text: str) -> frozenset[str]:
    """Content words without numbers, scale and currency words: what two claims about the same subject with
    different figures still share."""
    return frame_of(_tokens(text))


def frame_of(words) -> frozenset[str]:
    """The frame of a claim from its content words (`_tokens`, or `wording_tokens` when the caller has them
    already, so the text is not tokenised twice): the one place the frame's rule is written."""
    return frozenset(t for t in words if not _NUMBER.match(t) and t not in SCALE_WORDS)


def rounded(value: float) -> str:
    """The value at two significant figures: what "within rounding" means for a figure key."""
    return "%.2g" % value


def same_within_rounding(a: float, b: float) -> bool:
    if rounded(a) == rounded(b):
        return True
    top = max(abs(a), abs(b))
    return top == 0 or abs(a - b) / top <= MIN_RELATIVE_DIFF


def norm_unit(unit: str | None) -> str | None:
    if not unit:
        return None
    u = unit.strip()
    if len(u) == 3 and u.isupper():  # a currency code: kept as stored, so conflict views read USD like the rest
        return u
    u = u.lower()
    if len(u) > 4 and u.endswith("s") and not u.endswith("ss"):
        u = u[:-1]
    return u


def key_hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def headline_figures(quantities: list[dict]) -> list[tuple[str, float]]:
    """(unit, value) of the figures a claim is about: money and percentages when it has any (the "four
    batteries" in "$2.5 billion for four batteries" does not make a different fact the same), else counts."""
    figs = []
    for q in quantities:
        unit, value = norm_unit(q.get("unit")), q.get("value")
        if unit is None or value is None:
            continue
        figs.append((q.get("kind") or "", unit, float(value)))
    strong = [f for f in figs if f[0] in ("money", "percent") or f[1] in ("USD", "EUR", "GBP", "percent")]
    chosen = strong or figs
    out: list[tuple[str, float]] = []
    for _kind, unit, value in chosen:
        if (unit, value) not in out:
            out.append((unit, value))
    return out[:4]


BROAD_KINDS = frozenset({"country", "place"})
# A question or an appeal states no fact, so it is never grouped or flagged as a conflict.
UNGROUPED_KINDS = frozenset({"question", "appeal"})


def specific(eid: str, broad: frozenset[str] | set[str]) -> bool:
    """A named thing narrow enough to identify a subject: several words, not a country or place."""
    return "-" in eid and eid not in broad


def key_entities(entities: list[str], broad: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The entities a figure key is made with: the specific ones when there are any (a pipeline, a missile
    system, a company), else all (a figure about a country alone)."""
    ents = sorted(set(entities))
    narrow = [e for e in ents if specific(e, broad)]
    return (narrow or ents)[:MAX_ENTITIES]


def group_keys(
    text: str,
    quantities: list[dict],
    entities: list[str],
    broad: frozenset[str] | set[str] = frozenset(),
    words: frozenset[str] | None = None,
) -> list[tuple[int, str]]:
    """(hashed key, how) for a claim; `how` is "figure" or "wording". `words` is `wording_tokens(text)` when the
    caller has it already."""
    keys: list[tuple[int, str]] = []
    ents = key_entities(entities, broad)
    for unit, value in headline_figures(quantities):
        for e in ents:
            keys.append((key_hash(f"f\x1f{unit}\x1f{rounded(value)}\x1f{e}"), "figure"))
    if words is None:
        words = wording_tokens(text)
    if len(words) >= MIN_WORDING_TOKENS:
        keys.append((key_hash("w\x1f" + " ".join(sorted(words))), "wording"))
    return keys


def rows_by_claim(merged: dict[str, list[dict]]) -> tuple[dict[str, list[dict]], dict[str, list[str]], set[str]]:
    """A batch's (or an article's) figures and entity ids by claim id, and its broad (country, place) entities:
    built once and shared by the key functions and the conflict search."""
    quantities: dict[str, list[dict]] = {}
    for q in merged.get("quantities", []):
        quantities.setdefault(q["claim_id"], []).append(q)
    entities: dict[str, list[str]] = {}
    for e in merged.get("claim_entities", []):
        entities.setdefault(e["claim_id"], []).append(e["entity_id"])
    broad = {e["id"] for e in merged.get("entities", []) if e.get("kind") in BROAD_KINDS}
    return quantities, entities, broad


def claim_keys(
    rows: dict[str, list[dict]], by_claim=None, wording: dict[str, tuple[str, frozenset[str]]] | None = None
) -> dict[str, list[tuple[int, str]]]:
    """Group keys of every claim in one article's rows, computed where the rows are built (in the ingest
    workers) so that the single writing process does not spend its time hashing wording. `by_claim` is
    `rows_by_claim(rows)` when the caller has it already; `wording`, when given, receives each keyed claim's
    text and wording_tokens by id, for claim_subjects to take its frame from instead of tokenising the text
    again."""
    quantities, entities, broad = by_claim or rows_by_claim(rows)
    out: dict[str, list[tuple[int, str]]] = {}
    for c in rows.get("claims", []):
        cid = c["id"]
        if c.get("kind") in UNGROUPED_KINDS:
            out[cid] = []
            continue
        text = c.get("text") or ""
        words = wording_tokens(text)
        if wording is not None:
            wording[cid] = (text, words)
        out[cid] = group_keys(text, quantities.get(cid, []), entities.get(cid, []), broad, words)
    return out


def claim_subjects(
    rows: dict[str, list[dict]], by_claim=None, wording: dict[str, tuple[str, frozenset[str]]] | None = None
) -> dict[str, tuple[list[tuple[int, str, float]], frozenset[str]]]:
    """Per claim that names an entity and states a figure: its conflict subject keys `(key, unit, value)` and
    its wording frame. Computed in the ingest workers, like `claim_keys`; `wording` is what claim_keys
    gathered, if anything."""
    quantities, entities, broad = by_claim or rows_by_claim(rows)
    out = {}
    for c in rows.get("claims", []):
        cid = c["id"]
        ents = entities.get(cid)
        if not ents or c.get("kind") in UNGROUPED_KINDS:
            continue
        figures = headline_figures(quantities.get(cid, []))
        if not figures:
            continue
        text = c.get("text") or ""
        known = wording.get(cid) if wording is not None else None
        frame = frame_of(known[1]) if known is not None and known[0] == text else frame_tokens(text)
        keys = [(k, unit, value) for unit, value in figures for k in subject_keys(unit, ents, frame, broad)]
        out[cid] = (keys, frame)
    return out


def subject_keys(
    unit: str, entities: list[str], frame: frozenset[str], broad: frozenset[str] | set[str] = frozenset()
) -> list[int]:
    """Keys under which claims that may conflict meet: unit + a specific entity, unit + entity pair, unit +
    entity + wording frame. Meeting is not enough: `conflict_signals` decides."""
    ents = sorted(set(entities))[:MAX_ENTITIES]
    out = [key_hash(f"p\x1f{unit}\x1f{a}\x1f{b}") for a, b in combinations(ents, 2)]
    out += [key_hash(f"e\x1f{unit}\x1f{e}") for e in ents if specific(e, broad)]
    if len(frame) >= MIN_FRAME_TOKENS:
        f = " ".join(sorted(frame))
        out += [key_hash(f"s\x1f{unit}\x1f{e}\x1f{f}") for e in ents]
    return out


def conflict_signals(
    ents_a: set[str],
    ents_b: set[str],
    frame_a: frozenset[str],
    frame_b: frozenset[str],
    broad: frozenset[str] | set[str] = frozenset(),
) -> tuple[bool, int, float]:
    """(is a conflict subject, shared entities, wording overlap). More than one shared signal is needed: an
    entity and most of the wording, two entities and some of it, or a specific (multi-word, not a country)
    entity and a quarter of it. The unit is always shared, and is not counted."""
    both = ents_a & ents_b
    shared = len(both)
    union = len(frame_a | frame_b)
    overlap = len(frame_a & frame_b) / union if union else 0.0
    ok = (
        (shared >= 1 and overlap >= 0.5)
        or (shared >= 2 and overlap >= 0.3)
        or (any(specific(e, broad) for e in both) and overlap >= 0.25)
    )
    return ok, shared, round(overlap, 2)


def figures_conflict(a: float, b: float) -> bool:
    if a <= 0 or b <= 0 or same_within_rounding(a, b):
        return False
    return max(a, b) / min(a, b) <= MAX_RATIO


# ---------------------------------------------------------------- schema

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


_INDEX_NAME = re.compile(r"^\s*create index if not exists (\w+)", re.I)


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


# ---------------------------------------------------------------- the incremental update


def _chunks(items: list, n: int = 500):
    for i in range(0, len(items), n):
        yield items[i : i + n]


class _Groups:
    """Union-find over group ids for one batch."""

    def __init__(self):
        self.parent: dict[int, int] = {}

    def find(self, g: int) -> int:
        root = g
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(g, g) != root:
            self.parent[g], g = root, self.parent[g]
        return root

    def union(self, gs: set[int]) -> int:
        roots = {self.find(g) for g in gs}
        keep = min(roots)
        for r in roots:
            if r != keep:
                self.parent[r] = keep
        return keep


def _next_group_id(db: sqlite_utils.Database) -> int:
    row = db.execute("select next from claim_group_ids").fetchone()
    if row is not None:
        return row[0]
    # a database made before the counter: go on after its highest id
    n = (db.execute("select coalesce(max(id), 0) from claim_groups").fetchone()[0] or 0) + 1
    db.execute("insert into claim_group_ids (next) values (?)", [n])
    return n


def update(
    db: sqlite_utils.Database,
    merged: dict[str, Any],
    refresh: bool = True,
    replaced: list[str] | None = None,
    memo: dict | None = None,
) -> None:
    """Place the claims of a written batch in groups and record their conflicts; call inside the batch's
    transaction. `merged` holds the batch's rows by table, as `db.write_batch` built them.

    The summary columns of groups the batch touched are recomputed now, or with `refresh=False` only marked
    (in `claim_groups_dirty`, inside the same transaction) for `refresh(db)` to recompute once at the end of an
    ingest: a large group gains members in most batches, and recounting it every batch made ingest slow down
    as the corpus grew. An interrupted ingest leaves the marks, and the next one finishes them.

    `replaced` names the batch's articles that were stored before (their old memberships are looked up and
    removed); None means any of them may have been. `memo` is a dict an ingest keeps for its whole run (see
    `_find_conflicts`)."""
    aids = [a["id"] for a in merged.get("articles", [])]
    if not aids:
        return
    ex = db.execute
    dirty: set[int] = set()

    # 1. forget what the batch's articles contributed before (a re-parse deletes and re-inserts claims); a
    # claim's id is its article's id, "-" and its own, so an article's members are one range of the key
    removed: list[str] = []
    key_drops: dict[int, int] = {}
    for aid in aids if replaced is None else replaced:
        for cid, gid, keys in ex(
            "select claim_id, group_id, keys from claim_group_members "
            "where claim_id >= ? and claim_id < ? and article_id = ?",
            [aid + "-", aid + ".", aid],
        ).fetchall():
            removed.append(cid)
            dirty.add(gid)
            for k in json.loads(keys or "[]"):
                key_drops[k] = key_drops.get(k, 0) + 1
    if removed and memo is not None:
        for cid in removed:  # a re-parsed article's claims may come back with other entities
            memo.pop(cid, None)
    if removed:
        ex_many = db.conn.executemany
        ex_many(
            "update claim_group_keys set members = members - ? where key = ?", [(n, k) for k, n in key_drops.items()]
        )
        for part in _chunks(removed):
            marks = ",".join("?" * len(part))
            ex(f"delete from claim_group_members where claim_id in ({marks})", part)
            ex(f"delete from claim_subject_keys where claim_id in ({marks})", part)
            for row in ex(
                f"select claim_id, other_claim_id from claim_conflicts where claim_id in ({marks}) "
                f"or other_claim_id in ({marks})",
                part + part,
            ).fetchall():
                dirty.update(_groups_of(db, row))
            ex(f"delete from claim_conflicts where claim_id in ({marks}) or other_claim_id in ({marks})", part + part)

    # 2. key the batch's claims
    claims = {c["id"]: c for c in merged.get("claims", [])}
    if claims:
        by_claim = rows_by_claim(merged)
        quantities = by_claim[0]
        precomputed = merged.get("claim_keys")
        if precomputed is None or merged.get("claim_subjects") is None:
            precomputed = claim_keys(merged, by_claim)
            merged = {**merged, "claim_subjects": claim_subjects(merged, by_claim)}
        # A claim with no key can never meet another: it gets no group (most claims are such singletons).
        keyed = [(cid, c, ks) for cid, c in claims.items() if (ks := precomputed.get(cid))]
        all_keys = list({k for _cid, _c, ks in keyed for k, _how in ks})
        known: dict[int, int] = {}
        for part in _chunks(all_keys):
            marks = ",".join("?" * len(part))
            known.update(ex(f"select key, group_id from claim_group_keys where key in ({marks})", part).fetchall())
        uf = _Groups()
        next_id = _next_group_id(db)
        new_groups: set[int] = set()
        placed: list[tuple[str, int, str, str | None, str, str]] = []
        key_adds: dict[int, int] = {}
        for cid, c, ks in keyed:
            hits = {uf.find(known[k]) for k, _how in ks if k in known}
            how = sorted({h for k, h in ks if k in known}) or ["first"]
            if hits:
                gid = uf.union(hits) if len(hits) > 1 else hits.pop()
            else:
                gid = next_id
                next_id += 1
                new_groups.add(gid)
            for k, _how in ks:
                known[k] = gid
                key_adds[k] = key_adds.get(k, 0) + 1
            placed.append(
                (cid, gid, c["article_id"], c.get("published"), "+".join(how), json.dumps(sorted({k for k, _ in ks})))
            )
        ex("update claim_group_ids set next = ?", [next_id])
        # merges found in this batch: move everything of a merged group to its root
        merges = [(g, uf.find(g)) for g in list(uf.parent) if uf.find(g) != g]
        for old, root in merges:
            if old in new_groups:  # nothing of it is stored yet
                continue
            ex("update claim_group_members set group_id = ? where group_id = ?", [root, old])
            ex("update claim_group_keys set group_id = ? where group_id = ?", [root, old])
            dirty.update((old, root))
        placed = [(cid, uf.find(gid), aid, pub, how, keys) for cid, gid, aid, pub, how, keys in placed]
        db.conn.executemany(
            "insert or replace into claim_group_members (claim_id, group_id, article_id, published, match, keys) "
            "values (?, ?, ?, ?, ?, ?)",
            placed,
        )
        db.conn.executemany(
            "insert into claim_group_keys (key, group_id, members) values (?, ?, ?) "
            "on conflict(key) do update set members = members + excluded.members, group_id = excluded.group_id",
            [(k, uf.find(known[k]), n) for k, n in key_adds.items()],
        )
        group_of = {cid: gid for cid, gid, *_ in placed}
        conflicted, conflict_counts = _find_conflicts(db, claims, merged["claim_subjects"], group_of, by_claim, memo)
        # groups born in this batch hold only this batch's claims: summarise them here, not in SQL
        fresh = {g for g in new_groups if uf.find(g) == g}
        dirty.update(gid for _cid, gid, *_ in placed if gid not in fresh)
        dirty.update(g for g in conflicted if g not in fresh)
        sources = {a["id"]: a.get("source") for a in merged.get("articles", [])}
        members: dict[int, list[str]] = {}
        for cid, gid, *_ in placed:
            if gid in fresh:
                members.setdefault(gid, []).append(cid)
        rows = []
        for gid, cids in members.items():
            cs = [claims[c] for c in cids]
            first = min(cs, key=lambda c: (c.get("published") is None, c.get("published") or "", c["id"]))
            figs = sorted(
                quantities.get(first["id"], []), key=lambda q: (q.get("kind") != "money", q.get("start") or 0)
            )
            dates = [c["published"] for c in cs if c.get("published")]
            rows.append(
                (
                    gid,
                    first.get("text"),
                    first["id"],
                    figs[0].get("unit") if figs else None,
                    figs[0].get("value") if figs else None,
                    len(cs),
                    len({c["article_id"] for c in cs}),
                    len({sources.get(c["article_id"]) for c in cs} - {None}),
                    len({c.get("speaker_id") for c in cs} - {None}),
                    min(dates, default=None),
                    max(dates, default=None),
                    sum(conflict_counts.get(c, 0) for c in cids),
                )
            )
        db.conn.executemany(
            "insert into claim_groups (id, label, first_claim_id, unit, value, appearances, articles, sources, "
            "speakers, first_published, last_published, conflicts) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    if key_drops:
        db.conn.executemany("delete from claim_group_keys where key = ? and members <= 0", [(k,) for k in key_drops])
    if dirty:
        db.conn.executemany("insert or ignore into claim_groups_dirty (id) values (?)", [(g,) for g in dirty])
    if refresh:
        _refresh(db)


def _groups_of(db, claim_ids) -> set[int]:
    marks = ",".join("?" * len(claim_ids))
    return {
        r[0]
        for r in db.execute(
            f"select group_id from claim_group_members where claim_id in ({marks})", list(claim_ids)
        ).fetchall()
    }


def memo_get(memo: dict, cid: str):
    """A remembered candidate, moved to the young end: the oldest claims under a subject key are the ones read
    batch after batch (candidates are read oldest first), and they must outlive the ones read once."""
    hit = memo.pop(cid, None)
    if hit is not None:
        memo[cid] = hit
    return hit


def memo_put(memo: dict, cid: str, value) -> None:
    """Remember a candidate; past MEMO_MAX the least recently read half is forgotten (a dict keeps the order
    of insertion, and memo_get re-inserts what it finds)."""
    if len(memo) >= MEMO_MAX:
        for old in list(islice(memo, len(memo) // 2 or 1)):
            del memo[old]
    memo[cid] = value


def _find_conflicts(db, claims, subjects, group_of, by_claim, memo=None):
    """Record the conflicts of the batch's claims with earlier claims (stored ones and the batch's own) under
    the rules of `tracker.store.conflicts`, which define everything by input order, so that the same corpus
    gives the same conflicts whatever the batch size.

    `memo` (one per ingest run) keeps what was read of stored candidates (wording frame, entities): the same
    few claims head the hottest subject keys batch after batch, and reading them back from cold pages of a
    large database cost more than the rest of the search."""
    from tracker.store.conflicts import by_unit, conflict_row, first_disagreement, keep_first

    ex = db.execute
    figures = {cid: by_unit(keys) for cid, (keys, _frame) in subjects.items()}
    article = {cid: claims[cid]["article_id"] for cid in subjects}
    holders: dict[int, list[str]] = {}  # subject key -> the batch's claims under it, in input order
    key_unit: dict[int, str] = {}
    subject_rows = []
    for cid, (keys, _frame) in subjects.items():
        for k, unit, _value in keys:
            if k in key_unit and holders[k][-1] == cid:
                continue  # one row per key and claim; its unit's figures go with it
            key_unit[k] = unit
            holders.setdefault(k, []).append(cid)
            values = [v for _pos, v in figures[cid][unit]]
            more = json.dumps(values[1:]) if len(values) > 1 else None
            subject_rows.append((k, cid, article[cid], unit, values[0], more))
    if not subject_rows:
        return set(), {}
    # The first MAX_CANDIDATES holders of each key are its anchors: stored ones first (rows are appended in
    # input order, so rowid order is input order), then the batch's own.
    order: dict[str, tuple[int, int]] = {cid: (1, i) for i, cid in enumerate(subjects)}
    stored_values: dict[str, dict[str, list[float]]] = {}
    anchors: dict[int, list[str]] = {}
    read = db.conn.execute
    for k in holders:
        found = anchors[k] = []
        for rowid, ocid, oaid, unit, value, more in read(
            "select rowid, claim_id, article_id, unit, value, more from claim_subject_keys where key = ? "
            "order by rowid limit ?",
            (k, MAX_CANDIDATES),
        ):
            found.append(ocid)
            article[ocid] = oaid
            order[ocid] = min(order.get(ocid, (0, rowid)), (0, rowid))
            stored_values.setdefault(ocid, {})[unit] = [value, *(json.loads(more) if more else ())]
    db.conn.executemany(
        "insert into claim_subject_keys (key, claim_id, article_id, unit, value, more) values (?, ?, ?, ?, ?, ?)",
        subject_rows,
    )
    # candidate pairs (later claim of the batch, earlier claim) and the units they meet in
    meets: dict[str, dict[str, set[str]]] = {}
    for k, hs in holders.items():
        stored = anchors[k]
        room = max(0, MAX_CANDIDATES - len(stored))
        unit = key_unit[k]
        for i, cid in enumerate(hs):
            for o in (*stored, *hs[: min(i, room)]):
                if article[o] != article[cid]:
                    meets.setdefault(cid, {}).setdefault(o, set()).add(unit)
    disagree: dict[str, list[tuple[str, tuple]]] = {}
    for cid, others in meets.items():
        for o, units in others.items():
            theirs = stored_values.get(o) or {u: [v for _p, v in vs] for u, vs in figures[o].items()}
            fig = first_disagreement(figures[cid], theirs, sorted(units))
            if fig is not None:
                disagree.setdefault(cid, []).append((o, fig))
    if not disagree:
        return set(), {}
    # the signals: entities, wording frames and which entities are broad, for the claims of those pairs
    need = sorted({c for cid, pairs in disagree.items() for c in (cid, *(o for o, _f in pairs))})
    _q, entities, _broad = by_claim
    text: dict[str, str] = {cid: c.get("text") or "" for cid, c in claims.items()}
    ents: dict[str, set[str]] = {cid: set(v) for cid, v in entities.items()}
    frames: dict[str, frozenset] = {}
    broad: set[str] = set()
    missing = [c for c in need if c not in claims]
    if memo is not None:
        for c in missing:
            hit = memo_get(memo, c)
            if hit is not None:
                frames[c], e, b = hit
                text[c] = ""  # present; its frame is known
                ents[c] = set(e)
                broad |= b
        missing = [c for c in missing if c not in frames]
    for part in _chunks(missing):
        marks = ",".join("?" * len(part))
        text.update(ex(f"select id, text from claims where id in ({marks})", part).fetchall())
        found_broad: set[str] = set()
        for cid, eid, kind in ex(
            f"select ce.claim_id, ce.entity_id, e.kind from claim_entities ce "
            f"left join entities e on e.id = ce.entity_id where ce.claim_id in ({marks})",
            part,
        ):
            ents.setdefault(cid, set()).add(eid)
            if kind in BROAD_KINDS:
                found_broad.add(eid)
        broad |= found_broad
        if memo is not None:
            for c in part:
                if c in text:
                    e = frozenset(ents.get(c, ()))
                    frames[c] = frame_tokens(text[c])
                    memo_put(memo, c, (frames[c], e, e & found_broad))
    # an entity is broad by the kind it was first stored with (this batch's entities are stored by now)
    own = sorted({e for c in need if c in claims for e in ents.get(c, ())})
    kinds = ",".join("?" * len(BROAD_KINDS))
    for part in _chunks(own):
        marks = ",".join("?" * len(part))
        broad.update(
            r[0]
            for r in ex(
                f"select id from entities where id in ({marks}) and kind in ({kinds})", [*part, *sorted(BROAD_KINDS)]
            )
        )
    for c in need:
        if c not in frames:
            frames[c] = subjects[c][1] if c in subjects else frame_tokens(text.get(c, ""))
    rows = []
    for cid in subjects:  # later claims in input order, each with its earlier ones in input order
        pairs = disagree.get(cid)
        if not pairs:
            continue
        pairs.sort(key=lambda p: order[p[0]])
        rows += keep_first(
            conflict_row(cid, o, fig, (ents.get(cid, set()), ents.get(o, set())), (frames[cid], frames[o]), broad)
            for o, fig in pairs
            if o in text
        )
    db.conn.executemany(
        "insert or ignore into claim_conflicts (claim_id, other_claim_id, unit, value, other_value, "
        "shared_entities, wording_overlap) values (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    counts: dict[str, int] = {}
    for r in rows:
        for c in r[:2]:
            counts[c] = counts.get(c, 0) + 1
    out = {group_of[c] for c in counts if c in group_of}
    rest = [c for c in counts if c not in group_of]
    if rest:
        for part in _chunks(rest):
            out |= _groups_of(db, part)
    return out, counts


def refresh(db: sqlite_utils.Database) -> None:
    """Recompute the summary columns of every group marked dirty, in one transaction."""
    with db.atomic():
        _refresh(db)


def _refresh(db: sqlite_utils.Database) -> None:
    """Recompute the summary columns of the groups marked dirty; drop groups left empty; clear the marks."""
    ex = db.execute
    if ex("select 1 from claim_groups_dirty limit 1").fetchone() is None:
        return
    ex("create temp table if not exists _dirty_groups (id integer primary key)")
    ex("delete from temp._dirty_groups")
    ex("insert into temp._dirty_groups select id from claim_groups_dirty")
    ex("delete from claim_groups_dirty")
    ex("""delete from claim_groups where id in (select id from temp._dirty_groups)
          and not exists (select 1 from claim_group_members m where m.group_id = claim_groups.id)""")
    # One aggregate pass over the dirty groups' members (not one correlated subquery per column, each of
    # which walked the members again: large groups are dirty in most batches).
    ex("""
        with agg as (
          select m.group_id, count(*) as appearances, count(distinct m.article_id) as articles,
                 count(distinct a.source) as sources, count(distinct c.speaker_id) as speakers,
                 min(m.published) as first_published, max(m.published) as last_published
          from claim_group_members m
          join articles a on a.id = m.article_id
          left join claims c on c.id = m.claim_id
          where m.group_id in (select id from temp._dirty_groups)
          group by m.group_id
        )
        update claim_groups set
          appearances = agg.appearances, articles = agg.articles, sources = agg.sources,
          speakers = agg.speakers, first_published = agg.first_published, last_published = agg.last_published
        from agg where agg.group_id = claim_groups.id
    """)
    ex("""
        update claim_groups set
          first_claim_id = (select m.claim_id from claim_group_members m where m.group_id = claim_groups.id
                            order by m.published is null, m.published, m.claim_id limit 1),
          -- two indexed lookups, not one join on "a or b", which SQLite answers by scanning every conflict
          conflicts = (select count(*) from claim_group_members m join claim_conflicts x
                       on x.claim_id = m.claim_id where m.group_id = claim_groups.id)
                    + (select count(*) from claim_group_members m join claim_conflicts x
                       on x.other_claim_id = m.claim_id where m.group_id = claim_groups.id)
        where id in (select id from temp._dirty_groups)
    """)
    ex("""
        update claim_groups set
          label = (select text from claims where id = claim_groups.first_claim_id),
          unit = (select q.unit from quantities q where q.claim_id = claim_groups.first_claim_id
                  order by q.kind != 'money', q.start limit 1),
          value = (select q.value from quantities q where q.claim_id = claim_groups.first_claim_id
                   order by q.kind != 'money', q.start limit 1)
        where id in (select id from temp._dirty_groups)
    """)


def rebuild(db: sqlite_utils.Database) -> None:
    """Regroup the whole database from scratch (after changing the rules); ingest never needs this."""
    with db.conn:
        for t in (
            "claim_conflicts",
            "claim_subject_keys",
            "claim_group_keys",
            "claim_group_members",
            "claim_groups",
            "claim_group_ids",
        ):
            db.execute(f"delete from {t}")
        aids = [r[0] for r in db.execute("select id from articles order by ingested_at, id").fetchall()]
        for part in _chunks(aids, 500):
            marks = ",".join("?" * len(part))
            merged = {
                "articles": [{"id": a} for a in part],
                "claims": [
                    dict(zip(("id", "article_id", "text", "published", "kind"), r))
                    for r in db.execute(
                        f"select id, article_id, text, published, kind from claims where article_id in ({marks})", part
                    )
                ],
                "quantities": [
                    dict(zip(("claim_id", "value", "unit", "kind"), r))
                    for r in db.execute(
                        f"select q.claim_id, q.value, q.unit, q.kind from quantities q join claims c on c.id = q.claim_id "
                        f"where c.article_id in ({marks}) order by q.claim_id, q.start",
                        part,
                    )
                ],
                "entities": [
                    dict(zip(("id", "kind"), r))
                    for r in db.execute(
                        f"select distinct e.id, e.kind from entities e join claim_entities ce on ce.entity_id = e.id "
                        f"join claims c on c.id = ce.claim_id where c.article_id in ({marks})",
                        part,
                    )
                ],
                "claim_entities": [
                    dict(zip(("claim_id", "entity_id"), r))
                    for r in db.execute(
                        f"select e.claim_id, e.entity_id from claim_entities e join claims c on c.id = e.claim_id "
                        f"where c.article_id in ({marks})",
                        part,
                    )
                ],
            }
            update(db, merged)
