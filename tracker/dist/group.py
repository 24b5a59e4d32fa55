"""`tracker group`: claim groups and conflicts of a whole run, as a batch, with the ingest's rules.

Claims live in *claim partitions* (ranges of chunks, so input order runs across them) and keys in *key
buckets* (a key's hash); every step is one task per partition or bucket, and rows move between them only by
shuffles (`shuffle.py`). The driver sees counts, never claims.

0. Repeated articles: each claim partition sends its articles' identities to identity buckets, which settle
   which copy is kept and when a replaced copy's claims are deleted (`fates.py`); every later step reads its
   claims with those fates applied.
1. Each claim partition sends its (key, claim) edges, subject-key rows and entities to the buckets.
2. Each key bucket finds each key's first holder in input order and sends every edge back, marked first or
   not; each entity bucket keeps the kind an entity was first seen with and writes the broad ones.
3. Each claim partition settles its claims' `match` (how the claim met an earlier one, or "first") and
   whether it *starts* a group (no earlier claim had any of its keys): ingest numbers groups by these starts.
4. Connected components by label propagation over the links claim -> first holder of each of its keys: a
   label (initially the claim's input order) goes up to the first holder and down to the other holders, the
   minimum wins, until nothing changes. A component's label is its first claim, which starts a group.
5. Starts are ranked across partitions (each partition's count, added up in partition order: a prefix sum of a
   few integers), and each claim asks its label's partition for that rank: its group id.
6. Conflicts (`pairs.py`): each key bucket pairs every holder with the earlier of the key's first
   MAX_CANDIDATES holders (another article's), sending each pair to the later claim's partition, which
   applies `tracker.store.conflicts` (all figures compared, broad entities, its first five earlier conflicts).
"""

from __future__ import annotations

import zlib
from contextlib import nullcontext
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from tracker.store.claim_keys import BROAD_KINDS

from . import fates, shuffle, tables
from .engine import Engine
from .layout import Layout
from .pairs import step_conflicts, step_pairs

MAX_PARTITIONS = 256


def _entity_bucket(layout: Layout, eid: str) -> int:
    return zlib.crc32(eid.encode("utf-8")) % layout.buckets


EDGE = pa.schema([("key", pa.int64()), ("ord", pa.int64()), ("how", pa.string()), ("dies", pa.int64())])
EDGE_BACK = pa.schema([("ord", pa.int64()), ("key", pa.int64()), ("how", pa.string()), ("first", pa.int64())])
ENTITY = pa.schema([("id", pa.string()), ("kind", pa.string()), ("ord", pa.int64()), ("i", pa.int64())])
LABEL = pa.schema([("to", pa.int64()), ("label", pa.int64())])
ASK = pa.schema([("ord", pa.int64()), ("label", pa.int64())])
CLAIMS = pa.schema(
    [
        ("ord", pa.int64()),
        ("claim_id", pa.string()),
        ("article_id", pa.string()),
        ("published", pa.string()),
        ("match", pa.string()),
        ("keys", pa.string()),
        ("starts", pa.bool_()),
        ("dies", pa.int64()),
    ]
)
LINK = pa.schema([("child", pa.int64()), ("parent", pa.int64())])


# ---------------------------------------------------------------- the steps (one task per partition or bucket)


def step_scatter(job: tuple[Layout, int]) -> int:
    """The partition's (key, claim) edges and subject-key rows to key buckets, its entities to entity buckets."""
    layout, q = job
    fates.write(layout, q, fates.received(layout, q))
    edges = layout.claims("claim_keys", q, ["key", "ord", "how"])
    shuffle.send_table(layout.run, "edges", q, edges, layout.buckets_of(edges["key"]))
    subjects = layout.claims("claim_subjects", q)
    shuffle.send_table(layout.run, "subjects", q, subjects, layout.buckets_of(subjects["key"]))
    # entities: each one's first row here (rows are in input order) is all its bucket needs from this partition
    ents = layout.claims("entities", q, ["id", "kind", "ord"])
    ents = ents.append_column("i", pa.array(np.arange(len(ents)), pa.int64()))
    ents = ents.take(ents.group_by("id", use_threads=False).aggregate([("i", "min")])["i_min"]).select(ENTITY.names)
    buckets = np.fromiter((_entity_bucket(layout, e) for e in ents["id"].to_pylist()), np.int64, len(ents))
    shuffle.send_table(layout.run, "entities", q, ents, buckets)
    return len(edges)


def step_first_holders(job: tuple[Layout, int]) -> int:
    """Each key's first holder in input order; every edge back to its claim's partition, with it."""
    layout, b = job
    edges = shuffle.receive_table(layout.run, "edges", b, EDGE)
    dying = pc.is_valid(edges["dies"])
    hard = None
    if len(edges) and pc.any(dying).as_py():  # keys a replaced article's claim held: met while it was stored
        hard_keys = pc.unique(pc.filter(edges["key"], dying))
        in_hard = pc.is_in(edges["key"], hard_keys)
        hard = _first_alive(edges.filter(in_hard))
        edges = edges.filter(pc.invert(in_hard))
    first = edges.group_by("key").aggregate([("ord", "min")]).rename_columns(["key", "first"])
    back = edges.join(first, "key").select(EDGE_BACK.names)
    if hard is not None:
        back = pa.concat_tables([back, hard])
    shuffle.send_table(layout.run, "edges-back", b, back, layout.parts_of(back["ord"]))
    # entities: the kind first seen (input order, then order within the part) decides whether it is broad
    seen: dict[str, tuple] = {}
    got = layout.read_cols("entities", b, ENTITY)
    for eid, kind, at in zip(got["id"], got["kind"], zip(got["ord"], got["i"])):
        if eid not in seen or at < seen[eid][0]:
            seen[eid] = (at, kind)
    broad = sorted(eid for eid, (_at, kind) in seen.items() if kind in BROAD_KINDS)
    shuffle.send(layout.run, "broad", b, {0: [{"id": e} for e in broad]}, pa.schema([("id", pa.string())]))
    return len(first)


def _first_alive(edges: pa.Table) -> pa.Table:
    """EDGE_BACK rows for keys some claim of a replaced article held: each holder's `first` is the earliest
    holder still stored when it came (ingest deletes a replaced article's claims, and a key none of whose
    holders is stored any more is forgotten), or itself."""
    by_key: dict[int, list[dict]] = {}
    for e in edges.to_pylist():
        by_key.setdefault(e["key"], []).append(e)
    out = []
    for key, holders in by_key.items():
        holders.sort(key=lambda e: e["ord"])
        head = 0  # holders before it are all deleted (a claim once deleted stays so): linear, however hot the key
        for i, h in enumerate(holders):
            while head < i and not fates.alive(holders[head]["dies"], h["ord"]):
                head += 1
            out.append({"ord": h["ord"], "key": key, "how": h["how"], "first": holders[head]["ord"]})
    return pa.Table.from_pylist(out, schema=EDGE_BACK)


def step_claims(job: tuple[Layout, int]) -> int:
    """Match, keys and start of each claim of the partition; its links; returns how many claims start a group.
    Writes the partition's claims once (`claims`) and their first labels (`labels-0`): the label rounds
    read and write only (order, label) columns."""
    layout, q = job
    info = layout.claims("claim_keys", q, ["ord", "claim_id", "article_id", "published"]).to_pydict()
    at = {o: i for i, o in enumerate(info["ord"])}
    e = layout.read_cols("edges-back", q, EDGE_BACK)
    edges: dict[int, list[tuple[int, str, int]]] = {}
    for o, key, how, first in zip(e["ord"], e["key"], e["how"], e["first"]):
        edges.setdefault(o, []).append((key, how, first))
    cols: dict[str, list] = {name: [] for name in CLAIMS.names}
    children, parents = [], []
    for o in sorted(edges):
        es = edges[o]
        met = sorted({how for _k, how, first in es if first != o})
        i = at[o]
        cols["ord"].append(o)
        cols["claim_id"].append(info["claim_id"][i])
        cols["article_id"].append(info["article_id"][i])
        cols["published"].append(info["published"][i])
        cols["match"].append("+".join(met) or "first")
        cols["keys"].append("[" + ", ".join(map(str, sorted({k for k, _h, _f in es}))) + "]")  # json.dumps'
        cols["starts"].append(not met)
        cols["dies"].append(info["dies"][i])
        for p in sorted({first for _k, _h, first in es if first != o}):
            children.append(o)
            parents.append(p)
    layout.keep_cols("claims", q, cols, CLAIMS)
    layout.keep_cols("labels-0", q, {"ord": cols["ord"], "label": cols["ord"]}, ASK)
    layout.keep_cols("links", q, {"child": children, "parent": parents}, LINK)
    layout.send_cols("links-in", q, {"child": children, "parent": parents}, layout.parts_of_list(parents), LINK)
    return sum(cols["starts"])


def _labels(layout: Layout, q: int, it: int) -> dict[int, int]:
    got = layout.read_cols(f"labels-{it}", q, ASK)
    return dict(zip(got["ord"], got["label"]))


def _lowest(layout: Layout, step: str, q: int) -> dict[int, int]:
    """The lowest label sent to each claim in `step`."""
    got = shuffle.receive_table(layout.run, step, q, LABEL)
    if not len(got):
        return {}
    low = got.group_by("to").aggregate([("label", "min")]).to_pydict()
    return dict(zip(low["to"], low["label_min"]))


def step_up(job: tuple[Layout, int, int]) -> int:
    """Each child's label to its parents' partitions."""
    layout, q, it = job
    label = _labels(layout, q, it)
    links = layout.read_cols("links", q, LINK)
    parents = links["parent"]
    sent = {"to": parents, "label": [label[c] for c in links["child"]]}
    return layout.send_cols(f"up-{it}", q, sent, layout.parts_of_list(parents), LABEL)


def step_down(job: tuple[Layout, int, int]) -> int:
    """Each parent's lowest label (its own or a child's) to its children's partitions."""
    layout, q, it = job
    label = _labels(layout, q, it)
    up = _lowest(layout, f"up-{it}", q)
    links = layout.read_cols("links-in", q, LINK)
    lows = [min(label[p], up.get(p, label[p])) for p in links["parent"]]
    children = links["child"]
    return layout.send_cols(f"down-{it}", q, {"to": children, "label": lows}, layout.parts_of_list(children), LABEL)


def step_settle(job: tuple[Layout, int, int]) -> int:
    """New labels: the lowest of a claim's own, what its children sent up and its parents sent down; returns
    how many changed."""
    layout, q, it = job
    label = _labels(layout, q, it)
    up = _lowest(layout, f"up-{it}", q)
    down = _lowest(layout, f"down-{it}", q)
    changed = 0
    for o, own in label.items():
        low = min(own, up.get(o, own), down.get(o, own))
        if low != own:
            label[o] = low
            changed += 1
    layout.keep_cols(f"labels-{it + 1}", q, {"ord": list(label), "label": list(label.values())}, ASK)
    return changed


def step_ask(job: tuple[Layout, int, int]) -> int:
    """Each claim asks its label's partition for the label's rank."""
    layout, q, it = job
    got = layout.read_cols(f"labels-{it}", q, ASK)
    return layout.send_cols("ask", q, got, layout.parts_of_list(got["label"]), ASK)


def step_answer(job: tuple[Layout, int, int, int]) -> int:
    """Ranks of this partition's starts (after `offset` starts in earlier partitions), sent to who asked."""
    layout, q, it, offset = job
    mine = layout.read_cols("claims", q, CLAIMS)
    starts = sorted(o for o, s in zip(mine["ord"], mine["starts"]) if s)
    rank = {o: offset + i + 1 for i, o in enumerate(starts)}
    asked = layout.read_cols("ask", q, ASK)
    sent = {"to": asked["ord"], "label": [rank[label] for label in asked["label"]]}
    return layout.send_cols("answer", q, sent, layout.parts_of_list(asked["ord"]), LABEL)


def step_members(job: tuple[Layout, int, int]) -> int:
    layout, q, it = job
    answers = layout.read_cols("answer", q, LABEL)
    gid = dict(zip(answers["to"], answers["label"]))
    mine = shuffle.receive_table(layout.run, "claims", q, CLAIMS).sort_by("ord")
    mine = mine.filter(pc.is_null(mine["dies"]))  # a replaced article's claims started or joined groups: not members
    members = pa.table(
        {
            "claim_id": mine["claim_id"],
            "group_id": pa.array([gid[o] for o in mine["ord"].to_pylist()], pa.int64()),
            "article_id": mine["article_id"],
            "published": mine["published"],
            "match": mine["match"],
            "keys": mine["keys"],
            "ord": mine["ord"],
        },
        schema=tables.schema("claim_group_members"),
    )
    tables.write_part(layout.run, "claim_group_members", q, members)
    shuffle.send_table(layout.run, "members", q, members, members["group_id"].to_numpy() % layout.buckets)
    return len(members)


def step_groups(job: tuple[Layout, int]) -> int:
    """Each group's first claim (earliest published, then id, as ingest picks it), size and dates."""
    layout, b = job
    groups: dict[int, list[dict]] = {}
    for m in shuffle.receive(layout.run, "members", b):
        groups.setdefault(m["group_id"], []).append(m)
    rows = []
    for gid in sorted(groups):
        ms = groups[gid]
        first = min(ms, key=lambda m: (m["published"] is None, m["published"] or "", m["claim_id"]))
        dates = [m["published"] for m in ms if m["published"]]
        rows.append(
            {
                "id": gid,
                "first_claim_id": first["claim_id"],
                "appearances": len(ms),
                "articles": len({m["article_id"] for m in ms}),
                "first_published": min(dates, default=None),
                "last_published": max(dates, default=None),
            }
        )
    tables.write_part(layout.run, "claim_groups", b, rows)
    return len(rows)


# ---------------------------------------------------------------- the driver


@dataclass
class GroupSummary:
    claims: int = 0
    groups: int = 0
    conflicts: int = 0
    iterations: int = 0
    repeats: int = 0  # article copies dropped or replaced by a later copy (fates.py)

    def line(self) -> str:
        return (
            f"{self.claims} keyed claims in {self.groups} groups ({self.iterations} label-propagation rounds); "
            f"{self.conflicts} conflicts; {self.repeats} repeated article copies not kept"
        )


def layout_of(run: str, buckets: int | None = None) -> Layout:
    names = tables.parts(run, "claim_keys")
    chunks = 1 + max((int(p.rsplit("part-", 1)[1].split(".")[0]) for p in names), default=0)
    partitions = min(chunks, MAX_PARTITIONS)
    return Layout(run, chunks, partitions, buckets or partitions)


def group(
    run: str,
    *,
    scheduler: str = "synchronous",
    workers: int | None = None,
    buckets: int | None = None,
    quiet: bool = True,
    engine: Engine | None = None,
) -> GroupSummary:
    """Claim groups and conflicts of the run folder `run`, written as its claim_group_members, claim_conflicts
    and claim_group_ids tables."""
    layout = layout_of(run, buckets)
    qs = range(layout.partitions)
    bs = range(layout.buckets)
    shuffle.clear(run)
    for table in (*tables.GROUPED, "claim_group_ids", fates.TABLE):
        tables.clear(run, table)
    summary = GroupSummary()
    with nullcontext(engine) if engine is not None else Engine(scheduler, workers, quiet) as eng:
        eng.map(fates.step_identities, [(layout, q) for q in qs], "Articles to identity buckets")
        summary.repeats = sum(eng.map(fates.step_fates, [(layout, b) for b in bs], "Repeated articles"))
        eng.map(step_scatter, [(layout, q) for q in qs], "Sending keys to buckets")
        eng.map(step_first_holders, [(layout, b) for b in bs], "First holders")
        starts = eng.map(step_claims, [(layout, q) for q in qs], "Claims")
        it = 0
        while True:
            eng.map(step_up, [(layout, q, it) for q in qs], f"Labels up ({it + 1})")
            eng.map(step_down, [(layout, q, it) for q in qs], f"Labels down ({it + 1})")
            changed = sum(eng.map(step_settle, [(layout, q, it) for q in qs], f"Labels settle ({it + 1})"))
            it += 1
            if not changed:
                break
        summary.iterations = it
        offsets = [sum(starts[:q]) for q in qs]  # a prefix sum over one integer per partition
        eng.map(step_ask, [(layout, q, it) for q in qs], "Group ids")
        eng.map(step_answer, [(layout, q, it, offsets[q]) for q in qs], "Group ids")
        summary.claims = sum(eng.map(step_members, [(layout, q, it) for q in qs], "Members"))
        summary.groups = sum(eng.map(step_groups, [(layout, b) for b in bs], "Groups"))
        eng.map(step_pairs, [(layout, b) for b in bs], "Conflict candidates")
        summary.conflicts = sum(eng.map(step_conflicts, [(layout, q) for q in qs], "Conflicts"))
    tables.write_part(run, "claim_group_ids", 0, pa.table({"next": pa.array([sum(starts) + 1], pa.int64())}))
    shuffle.clear(run)
    return summary
