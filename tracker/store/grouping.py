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

import json
from typing import Any

import sqlite_utils

# The keys and the schema live in their own modules; their names stay importable from here, where ingest, the
# Dask path and the tests have always found them.
from tracker.store.claim_keys import (  # noqa: F401
    _NUMBER,
    _TOKEN,
    _WORDS,
    _WORDS_MAX,
    BROAD_KINDS,
    MAX_CANDIDATES,
    MAX_CONFLICTS_PER_CLAIM,
    MAX_ENTITIES,
    MAX_RATIO,
    MEMO_MAX,
    MIN_FRAME_TOKENS,
    MIN_RELATIVE_DIFF,
    MIN_WORDING_TOKENS,
    SCALE_WORDS,
    STOPWORDS,
    UNGROUPED_KINDS,
    _tokens,
    _word,
    claim_keys,
    claim_subjects,
    conflict_signals,
    figures_conflict,
    frame_of,
    frame_tokens,
    group_keys,
    headline_figures,
    key_entities,
    key_hash,
    norm_unit,
    rounded,
    rows_by_claim,
    same_within_rounding,
    specific,
    subject_keys,
    wording_tokens,
)
from tracker.store.conflict_search import _chunks, _find_conflicts, _groups_of, memo_get, memo_put  # noqa: F401
from tracker.store.grouping_schema import (  # noqa: F401
    _INDEX_NAME,
    GROUP_IDS,
    SCHEMA,
    SUBJECT_KEYS,
    VIEWS,
    _migrate_subject_keys,
    _side,
    ensure_schema,
)


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
        # a key no stored claim holds any more is forgotten now, before the batch's claims are keyed: else the
        # batch's claims would meet it and the next batch's would not (the result would depend on the batch)
        ex_many("delete from claim_group_keys where key = ? and members <= 0", [(k,) for k in key_drops])
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

    if dirty:
        db.conn.executemany("insert or ignore into claim_groups_dirty (id) values (?)", [(g,) for g in dirty])
    if refresh:
        _refresh(db)


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


# The version of the rules that make claims the same fact (claim_keys). Groups, keys and conflicts stored under
# other rules do not meet the ones made under these (a unit named two ways never matches), so a database grouped
# under another version is regrouped from its stored claims when it is next opened for writing.
# 2: units compared by their one name (unit_names: "kilometers" = "km", "countries" = "country").
RULES_VERSION = 2


def _noted(db: sqlite_utils.Database) -> int | None:
    if not db["claim_grouping_rules"].exists():
        return None
    row = db.execute("select version from claim_grouping_rules").fetchone()
    return row[0] if row else None


def rules_behind(db: sqlite_utils.Database) -> int | None:
    """The rules version the database's groups were made under, when it is not today's; None when it is, or
    when there are no groups and none noted (a new database)."""
    noted = _noted(db)
    if noted == RULES_VERSION:
        return None
    if noted is None:
        return 1 if db.execute("select exists (select 1 from claim_group_members)").fetchone()[0] else None
    return noted


def record_rules(db: sqlite_utils.Database) -> None:
    """Note the rules a database is grouped under: a new one (no groups yet) is grouped under today's; one with
    groups and no note was grouped before notes were kept (version 1) and is left for `ensure_rules`, which only
    `tracker ingest` calls (a regroup takes as long as grouping the corpus did and holds the write lock, so
    opening a database for anything else, serving or an annotation, never starts one; `tracker serve` says so)."""
    db.execute("create table if not exists claim_grouping_rules (version integer not null)")
    if _noted(db) is None and rules_behind(db) is None:
        with db.conn:
            db.execute("insert into claim_grouping_rules (version) values (?)", [RULES_VERSION])


def _note(db: sqlite_utils.Database, version: int) -> None:
    with db.conn:
        db.execute("delete from claim_grouping_rules")
        db.execute("insert into claim_grouping_rules (version) values (?)", [version])


def ensure_rules(db: sqlite_utils.Database, skip: set[str] | frozenset[str] = frozenset(), echo=None) -> bool:
    """Regroup the database if its groups were made under other rules than RULES_VERSION (a database made before
    the version was noted counts as version 1); not while a bulk load is unfinished (`skip` non-empty: it
    writes no groups until its end, when the schema is ensured again). The old version stays noted until the
    regroup has finished, so a regroup cut short (killed, a full disk) is made again by the next ingest rather
    than leaving part of the groups marked current. Returns whether it regrouped."""
    db.execute("create table if not exists claim_grouping_rules (version integer not null)")
    behind = rules_behind(db)
    if skip or behind is None:
        if not skip and _noted(db) is None:
            _note(db, RULES_VERSION)
        return False
    n = db.execute("select count(*) from articles").fetchone()[0]
    if echo:
        echo(
            f"regrouping the claims of {n:,} article{'' if n == 1 else 's'}: they were grouped under rules version "
            f"{behind}, this is version {RULES_VERSION}"
        )
    _note(db, behind)
    step = max(1, n // 10)
    mark = [step]

    def tell(done: int, total: int) -> None:
        if echo and (done >= mark[0] or done == total):
            echo(f"regrouped {done:,} of {total:,} articles")
            mark[0] = done + step

    rebuild(db, progress=tell)
    _note(db, RULES_VERSION)
    return True


def rebuild(db: sqlite_utils.Database, progress=None) -> None:
    """Regroup the whole database from scratch (after changing the rules); ingest never needs this. `progress`,
    if given, is called with (articles done, articles in all) after each chunk: at 100,000 articles this takes
    minutes, and a silent wait that long looks like a hang."""
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
        done = 0
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
            done += len(part)
            if progress:
                progress(done, len(aids))
