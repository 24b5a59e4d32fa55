"""`tracker group`: claim groups and conflicts of a whole run, as a batch, with the ingest's rules.

Claims live in *claim partitions* (ranges of chunks, so input order runs across them) and keys in *key
buckets* (a key's hash); every step is one task per partition or bucket, and rows move between them only by
shuffles (`shuffle.py`). The driver sees counts, never claims.

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
6. Conflicts: each key bucket pairs every holder with the earlier of the key's first MAX_CANDIDATES holders
   (another article's), sending each pair to the later claim's partition, which applies
   `tracker.store.conflicts` (all figures compared, broad entities, its first five earlier conflicts).
"""

from __future__ import annotations

import json
import zlib
from contextlib import nullcontext
from dataclasses import dataclass

import pyarrow as pa

from tracker.store.claim_keys import BROAD_KINDS
from tracker.store.conflicts import MAX_CANDIDATES, conflict_row, first_disagreement, keep_first

from . import shuffle, tables
from .chunk import ARTICLE_BITS, CLAIM_BITS
from .engine import Engine

CHUNK_SHIFT = ARTICLE_BITS + CLAIM_BITS
MAX_PARTITIONS = 256


@dataclass(frozen=True)
class Layout:
    run: str
    chunks: int  # chunk numbers run 0 .. chunks - 1
    partitions: int  # claim partitions (ranges of chunks)
    buckets: int  # key buckets

    def part_of(self, ord_: int) -> int:
        return (ord_ >> CHUNK_SHIFT) * self.partitions // self.chunks

    def chunks_of(self, q: int) -> range:
        lo = -(-q * self.chunks // self.partitions)
        hi = -(-(q + 1) * self.chunks // self.partitions)
        return range(lo, hi)

    def bucket_of(self, key: int) -> int:
        return key % self.buckets

    def buckets_of(self, keys):
        """`bucket_of` for a column of keys (numpy's % is Python's: never negative)."""
        return keys.to_numpy() % self.buckets

    def parts_of(self, ords):
        """`part_of` for a column of input orders."""
        return (ords.to_numpy() >> CHUNK_SHIFT) * self.partitions // self.chunks

    def read_table(self, table: str, q: int, columns: list[str] | None = None) -> pa.Table:
        out = []
        for n in self.chunks_of(q):
            fs, path = tables.filesystem(tables.part_path(self.run, table, n))
            if fs.exists(path):
                out.append(tables.read_part(self.run, path, columns))
        if not out:
            return tables.schema(table).empty_table().select(columns or tables.schema(table).names)
        return pa.concat_tables(out)

    def read(self, table: str, q: int) -> list[dict]:
        out: list[dict] = []
        for n in self.chunks_of(q):
            fs, path = tables.filesystem(tables.part_path(self.run, table, n))
            if fs.exists(path):
                out += tables.read_part(self.run, path).to_pylist()
        return out


def _entity_bucket(layout: Layout, eid: str) -> int:
    return zlib.crc32(eid.encode("utf-8")) % layout.buckets


EDGE = pa.schema([("key", pa.int64()), ("ord", pa.int64()), ("how", pa.string())])
EDGE_BACK = pa.schema([("ord", pa.int64()), ("key", pa.int64()), ("how", pa.string()), ("first", pa.int64())])
ENTITY = pa.schema([("id", pa.string()), ("kind", pa.string()), ("ord", pa.int64()), ("i", pa.int64())])
LABEL = pa.schema([("to", pa.int64()), ("label", pa.int64())])
ASK = pa.schema([("ord", pa.int64()), ("label", pa.int64())])
CANDIDATE = pa.schema(
    [
        ("ord", pa.int64()),
        ("other_ord", pa.int64()),
        ("other_claim_id", pa.string()),
        ("unit", pa.string()),
        ("other_values", pa.list_(pa.float64())),
        ("other_entities", pa.list_(pa.string())),
        ("other_frame", pa.list_(pa.string())),
    ]
)
STATE = pa.schema(
    [
        ("ord", pa.int64()),
        ("claim_id", pa.string()),
        ("article_id", pa.string()),
        ("published", pa.string()),
        ("match", pa.string()),
        ("keys", pa.string()),
        ("starts", pa.bool_()),
        ("label", pa.int64()),
    ]
)
LINK = pa.schema([("child", pa.int64()), ("parent", pa.int64())])


# ---------------------------------------------------------------- the steps (one task per partition or bucket)


def step_scatter(job: tuple[Layout, int]) -> int:
    """The partition's (key, claim) edges and subject-key rows to key buckets, its entities to entity buckets."""
    layout, q = job
    edges = layout.read_table("claim_keys", q, EDGE.names)
    shuffle.send_table(layout.run, "edges", q, edges, layout.buckets_of(edges["key"]))
    subjects = layout.read_table("claim_subjects", q)
    shuffle.send_table(layout.run, "subjects", q, subjects, layout.buckets_of(subjects["key"]))
    ents: dict[int, list[dict]] = {}
    for i, e in enumerate(layout.read_table("entities", q, ["id", "kind", "ord"]).to_pylist()):
        ents.setdefault(_entity_bucket(layout, e["id"]), []).append({**e, "i": i})
    shuffle.send(layout.run, "entities", q, ents, ENTITY)
    return len(edges)


def step_first_holders(job: tuple[Layout, int]) -> int:
    """Each key's first holder in input order; every edge back to its claim's partition, with it."""
    layout, b = job
    edges = shuffle.receive_table(layout.run, "edges", b, EDGE)
    first = edges.group_by("key").aggregate([("ord", "min")]).rename_columns(["key", "first"])
    back = edges.join(first, "key").select(EDGE_BACK.names)
    shuffle.send_table(layout.run, "edges-back", b, back, layout.parts_of(back["ord"]))
    # entities: the kind first seen (input order, then order within the part) decides whether it is broad
    seen: dict[str, tuple] = {}
    for e in shuffle.receive(layout.run, "entities", b):
        at = (e["ord"], e["i"])
        if e["id"] not in seen or at < seen[e["id"]][0]:
            seen[e["id"]] = (at, e["kind"])
    broad = sorted(eid for eid, (_at, kind) in seen.items() if kind in BROAD_KINDS)
    shuffle.send(layout.run, "broad", b, {0: [{"id": e} for e in broad]}, pa.schema([("id", pa.string())]))
    return len(first)


def step_claims(job: tuple[Layout, int]) -> int:
    """Match, keys and start of each claim of the partition; its links; returns how many claims start a group."""
    layout, q = job
    info = {r["ord"]: r for r in layout.read("claim_keys", q)}
    edges: dict[int, list[dict]] = {}
    for e in shuffle.receive(layout.run, "edges-back", q):
        edges.setdefault(e["ord"], []).append(e)
    state, links, starts = [], [], 0
    for o in sorted(edges):
        es = edges[o]
        met = sorted({e["how"] for e in es if e["first"] != o})
        starts += not met
        r = info[o]
        state.append(
            {
                "ord": o,
                "claim_id": r["claim_id"],
                "article_id": r["article_id"],
                "published": r["published"],
                "match": "+".join(met) or "first",
                "keys": json.dumps(sorted({e["key"] for e in es})),
                "starts": not met,
                "label": o,
            }
        )
        links += [{"child": o, "parent": p} for p in sorted({e["first"] for e in es if e["first"] != o})]
    _write_state(layout, "state-0", q, state)
    _write_state(layout, "links", q, links, LINK)
    to_parents: dict[int, list[dict]] = {}
    for link in links:
        to_parents.setdefault(layout.part_of(link["parent"]), []).append(link)
    shuffle.send(layout.run, "links-in", q, to_parents, LINK)
    return starts


def _write_state(layout: Layout, name: str, q: int, rows: list[dict], schema: pa.Schema = STATE) -> None:
    """A partition's own state between steps (its claims and their labels, its links), kept in the run."""
    shuffle.send(layout.run, name, 0, {q: rows}, schema)


def _state(layout: Layout, name: str, q: int) -> list[dict]:
    return shuffle.receive(layout.run, name, q)


def step_up(job: tuple[Layout, int, int]) -> int:
    """Each child's label to its parents' partitions."""
    layout, q, it = job
    label = {s["ord"]: s["label"] for s in _state(layout, f"state-{it}", q)}
    out: dict[int, list[dict]] = {}
    for link in _state(layout, "links", q):
        out.setdefault(layout.part_of(link["parent"]), []).append({"to": link["parent"], "label": label[link["child"]]})
    return shuffle.send(layout.run, f"up-{it}", q, out, LABEL)


def _lowest(rows: list[dict]) -> dict[int, int]:
    low: dict[int, int] = {}
    for r in rows:
        if r["to"] not in low or r["label"] < low[r["to"]]:
            low[r["to"]] = r["label"]
    return low


def step_down(job: tuple[Layout, int, int]) -> int:
    """Each parent's lowest label (its own or a child's) to its children's partitions."""
    layout, q, it = job
    label = {s["ord"]: s["label"] for s in _state(layout, f"state-{it}", q)}
    up = _lowest(shuffle.receive(layout.run, f"up-{it}", q))
    out: dict[int, list[dict]] = {}
    for link in shuffle.receive(layout.run, "links-in", q):
        low = min(label[link["parent"]], up.get(link["parent"], label[link["parent"]]))
        out.setdefault(layout.part_of(link["child"]), []).append({"to": link["child"], "label": low})
    return shuffle.send(layout.run, f"down-{it}", q, out, LABEL)


def step_settle(job: tuple[Layout, int, int]) -> int:
    """New labels: the lowest of a claim's own, what its children sent up and its parents sent down; returns
    how many changed."""
    layout, q, it = job
    state = _state(layout, f"state-{it}", q)
    up = _lowest(shuffle.receive(layout.run, f"up-{it}", q))
    down = _lowest(shuffle.receive(layout.run, f"down-{it}", q))
    changed = 0
    for s in state:
        low = min(s["label"], up.get(s["ord"], s["label"]), down.get(s["ord"], s["label"]))
        if low != s["label"]:
            s["label"] = low
            changed += 1
    _write_state(layout, f"state-{it + 1}", q, state)
    return changed


def step_ask(job: tuple[Layout, int, int]) -> int:
    """Each claim asks its label's partition for the label's rank."""
    layout, q, it = job
    out: dict[int, list[dict]] = {}
    for s in _state(layout, f"state-{it}", q):
        out.setdefault(layout.part_of(s["label"]), []).append({"ord": s["ord"], "label": s["label"]})
    return shuffle.send(layout.run, "ask", q, out, ASK)


def step_answer(job: tuple[Layout, int, int, int]) -> int:
    """Ranks of this partition's starts (after `offset` starts in earlier partitions), sent to who asked."""
    layout, q, it, offset = job
    starts = sorted(s["ord"] for s in _state(layout, f"state-{it}", q) if s["starts"])
    rank = {o: offset + i + 1 for i, o in enumerate(starts)}
    out: dict[int, list[dict]] = {}
    for a in shuffle.receive(layout.run, "ask", q):
        out.setdefault(layout.part_of(a["ord"]), []).append({"to": a["ord"], "label": rank[a["label"]]})
    return shuffle.send(layout.run, "answer", q, out, LABEL)


def step_members(job: tuple[Layout, int, int]) -> int:
    layout, q, it = job
    gid = {a["to"]: a["label"] for a in shuffle.receive(layout.run, "answer", q)}
    rows = [
        {
            "claim_id": s["claim_id"],
            "group_id": gid[s["ord"]],
            "article_id": s["article_id"],
            "published": s["published"],
            "match": s["match"],
            "keys": s["keys"],
            "ord": s["ord"],
        }
        for s in sorted(_state(layout, f"state-{it}", q), key=lambda s: s["ord"])
    ]
    tables.write_part(layout.run, "claim_group_members", q, rows)
    by_group: dict[int, list[dict]] = {}
    for r in rows:
        by_group.setdefault(r["group_id"] % layout.buckets, []).append(r)
    shuffle.send(layout.run, "members", q, by_group, tables.schema("claim_group_members"))
    return len(rows)


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


def step_pairs(job: tuple[Layout, int]) -> int:
    """Per subject key: each holder against the earlier of the key's first MAX_CANDIDATES holders."""
    layout, b = job
    by_key: dict[int, list[dict]] = {}
    for r in shuffle.receive(layout.run, "subjects", b):
        by_key.setdefault(r["key"], []).append(r)
    out: dict[int, list[dict]] = {}
    for holders in by_key.values():
        holders.sort(key=lambda r: r["ord"])
        anchors = holders[:MAX_CANDIDATES]
        for i, c in enumerate(holders):
            for o in anchors[: min(i, MAX_CANDIDATES)]:
                if o["article_id"] == c["article_id"]:
                    continue
                out.setdefault(layout.part_of(c["ord"]), []).append(
                    {
                        "ord": c["ord"],
                        "other_ord": o["ord"],
                        "other_claim_id": o["claim_id"],
                        "unit": c["unit"],
                        "other_values": o["values"],
                        "other_entities": o["entities"],
                        "other_frame": o["frame"],
                    }
                )
    return shuffle.send(layout.run, "pairs", b, out, CANDIDATE)


def step_conflicts(job: tuple[Layout, int]) -> int:
    """The partition's claims' conflicts with earlier claims, by `tracker.store.conflicts`."""
    layout, q = job
    broad = {r["id"] for b in range(layout.buckets) for r in shuffle.receive(layout.run, "broad", b)}
    mine: dict[int, dict] = {}
    for r in layout.read("claim_subjects", q):
        c = mine.setdefault(
            r["ord"], {"id": r["claim_id"], "ents": set(r["entities"]), "frame": frozenset(r["frame"]), "figs": {}}
        )
        c["figs"][r["unit"]] = list(zip(r["positions"], r["values"]))
    pairs: dict[int, dict[int, dict]] = {}
    for p in shuffle.receive(layout.run, "pairs", q):
        o = pairs.setdefault(p["ord"], {}).setdefault(
            p["other_ord"],
            {
                "id": p["other_claim_id"],
                "ents": set(p["other_entities"]),
                "frame": frozenset(p["other_frame"]),
                "units": set(),
                "values": {},
            },
        )
        o["units"].add(p["unit"])
        o["values"][p["unit"]] = p["other_values"]
    rows = []
    for c_ord in sorted(pairs):
        c = mine[c_ord]
        found = []
        for o_ord in sorted(pairs[c_ord]):
            o = pairs[c_ord][o_ord]
            fig = first_disagreement(c["figs"], o["values"], sorted(o["units"]))
            if fig is None:
                continue
            row = conflict_row(c["id"], o["id"], fig, (c["ents"], o["ents"]), (c["frame"], o["frame"]), broad)
            found.append(None if row is None else (*row, c_ord, o_ord))
        rows += keep_first(found)
    names = tables.schema("claim_conflicts").names
    tables.write_part(layout.run, "claim_conflicts", q, [dict(zip(names, r)) for r in rows])
    return len(rows)


# ---------------------------------------------------------------- the driver


@dataclass
class GroupSummary:
    claims: int = 0
    groups: int = 0
    conflicts: int = 0
    iterations: int = 0

    def line(self) -> str:
        return (
            f"{self.claims} keyed claims in {self.groups} groups ({self.iterations} label-propagation rounds); "
            f"{self.conflicts} conflicts"
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
    for table in ("claim_group_members", "claim_groups", "claim_conflicts", "claim_group_ids"):
        tables.clear(run, table)
    summary = GroupSummary()
    with nullcontext(engine) if engine is not None else Engine(scheduler, workers, quiet) as eng:
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
