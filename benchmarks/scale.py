"""Scale benchmark: build N realistic articles, ingest them on all cores, score grouping, time Datasette pages.

usage: python benchmarks/scale.py N [--workers 2] [--keep DIR] [--requests 20] [--port 8765]
       python benchmarks/scale.py --pages-of DIR/tracker.db [--only NAME] [--requests 20]  (pages only)

The corpus is made at run time from the Wikinews articles in ../shared/corpus/wikinews/*.csv (CC BY 2.5; never
copied into the repository): each output article is a Wikinews article with its people, countries, figures
and date changed, so no two are alike. Into some of them, facts are planted on purpose: a figure about a
country and a named project, stated in several articles in different words and formats ($2.5 billion, $2.5bn,
2.5 billion dollars, US$2.5 billion), and for some facts one article that gives a different figure (a
conflict). The ingest runs `tracker ingest` as a separate process; its process tree's peak memory is sampled
from /proc. Grouping and conflict detection are scored on the planted claims; then `tracker serve` is started
and the pages people use are requested over HTTP. A benchmark, not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews"
TRACKER = str(Path(sys.executable).with_name("tracker"))

FIRST = (
    "James Maria Ahmed Olga Kenji Amara Lucas Sofia Ravi Elena Tomas Ingrid Kwame Yusuf Chloe Mateo Hana "
    "Pavel Leila Diego Astrid Omar Nadia Felix Zara Hugo Mei Arjun Lena Samuel Irina Victor Aisha Bruno "
    "Clara Dmitri Fatima George Helena Ibrahim"
).split()
LAST = (
    "Okafor Lindqvist Moreau Tanaka Petrov Haddad Silva Novak Kowalski Fischer Mensah Costa Nakamura Ivanova "
    "Rahman Jensen Duarte Horvat Bianchi Castillo Sato Nieminen Oduya Varga Schmidt Alvarez Kim Park Mehta "
    "Rossi Weber Dubois Brennan Yilmaz Popescu Andersen Hughes Kovacs Lopez Chen"
).split()
COUNTRIES = (
    "Turkey Russia Brazil India Nigeria Kenya Germany France Poland Japan Indonesia Mexico Canada Egypt "
    "Vietnam Chile Peru Ghana Norway Sweden Spain Italy Greece Ukraine Pakistan Bangladesh Colombia "
    "Argentina Morocco Ethiopia Australia Thailand Malaysia Philippines Romania Hungary Portugal Ireland "
    "Finland Denmark"
).split()
ADJ = (
    "Northern Southern Eastern Western Blue Red Golden Silver Great Lower Upper Coastal Central Royal Grand "
    "Iron Green Black White Crystal Harbour Highland Lakeside River Summit Pacific Atlantic Sunrise Twin Cedar "
    "Amber Falcon Eagle Stone Meridian Liberty Victory Unity Horizon Pioneer"
).split()
NOUN = (
    "Pipeline Bridge Dam Railway Corridor Port Refinery Airport Tunnel Reactor Highway Canal Terminal Stadium "
    "Dockyard Grid Hospital Metro Satellite Frigate"
).split()
TEMPLATES = [
    "{country} agreed to pay {fig} for the {project} project, officials said.",
    "The {project} project will cost {country} {fig}, according to the finance ministry.",
    "{country} is spending {fig} on the {project} project, the government confirmed on Monday.",
    "Officials in {country} put the cost of the {project} project at {fig}.",
    "The government of {country} said the {project} project cost {fig}.",
]


def fig_formats(billions: float) -> list[str]:
    v = f"{billions:g}"
    return [f"${v} billion", f"${v}bn", f"{v} billion dollars", f"US${v} billion"]


# ------------------------------------------------------------------ corpus


def load_wikinews() -> list[dict]:
    paths = sorted(glob.glob(str(CORPUS / "*.csv")))
    if not paths:
        raise SystemExit(
            f"no Wikinews corpus at {CORPUS}/*.csv (url,date,title,text; CC BY 2.5): it is read "
            "at run time and never stored in the repository; put the CSV files there to run this "
            "benchmark"
        )
    csv.field_size_limit(1 << 30)
    out = []
    for p in paths:
        with open(p, newline="", encoding="utf-8") as fp:
            for r in csv.DictReader(fp):
                if r.get("text") and len(r["text"]) > 300:
                    out.append(r)
    return out


_DATE_LINE = re.compile(r"^\s*\w+day, \w+ \d{1,2}, \d{4}\s*")
_PERSON = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b")
_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w,]*\d)")
_COUNTRY = re.compile(r"\b(" + "|".join(COUNTRIES) + r")\b")


def vary(base: dict, i: int, rng: random.Random) -> dict:
    """A new article from a Wikinews one: other people, countries, figures and date."""
    text = _DATE_LINE.sub("", base["text"])
    people: dict[str, str] = {}

    def person(m: re.Match) -> str:
        key = m.group(0)
        if m.group(1) in COUNTRIES or m.group(1) in ("The", "This", "That", "When", "After", "In", "On", "At"):
            return key
        if key not in people:
            people[key] = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        return people[key]

    countries: dict[str, str] = {}

    def country(m: re.Match) -> str:
        c = m.group(1)
        if c not in countries:
            countries[c] = rng.choice(COUNTRIES)
        return countries[c]

    factor = rng.choice([0.5, 0.75, 1.2, 1.5, 2, 3])

    def number(m: re.Match) -> str:
        whole = int(m.group(1).replace(",", ""))
        if 1900 <= whole <= 2099 and not m.group(2):
            return m.group(0)  # a year
        v = whole * factor
        if m.group(2):
            return f"{v + float(m.group(2)):.1f}"
        v = max(1, int(round(v)))
        return f"{v:,}" if "," in m.group(1) else str(v)

    text = _PERSON.sub(person, text)
    text = _COUNTRY.sub(country, text)
    text = _NUM.sub(number, text)
    try:
        d = date.fromisoformat(base["date"][:10])
    except ValueError:
        d = date(2019, 6, 1)
    d = d + timedelta(days=rng.randint(-900, 900))
    title = _COUNTRY.sub(country, _PERSON.sub(person, base["title"]))
    return {
        "url": f"{base['url']}?variant={i}",
        "date": d.isoformat(),
        "title": title,
        "text": text,
        "source": rng.choice(
            [
                "Wikinews",
                "Reuters",
                "AP",
                "AFP",
                "BBC",
                "Al Jazeera",
                "DW",
                "Kyodo",
                "Anadolu",
                "TASS",
                "The Hindu",
                "Globo",
            ]
        ),
    }


def plant(n: int, rng: random.Random) -> tuple[list[dict], dict[int, list[tuple]]]:
    """Facts to plant: per article index, the sentences to add with (fact, figure class, marker) truth."""
    facts = []
    used = set()
    n_facts = max(10, n // 40)
    for f in range(n_facts):
        while True:
            project = f"{rng.choice(ADJ)} {rng.choice(ADJ)} {rng.choice(NOUN)}"
            if project not in used:
                used.add(project)
                break
        billions = rng.choice([1.2, 1.5, 2.5, 3.2, 4.8, 6.5, 7.5, 9.4, 12, 15, 18, 24, 35, 48])
        conflict = rng.random() < 0.3
        other = round(billions * rng.choice([0.6, 0.75, 1.3, 1.6]), 1) if conflict else None
        facts.append(
            {
                "id": f,
                "country": rng.choice(COUNTRIES),
                "project": project,
                "billions": billions,
                "other": other,
                "appearances": rng.randint(2, 6),
                "start": date(2016, 1, 1) + timedelta(days=rng.randint(0, 2500)),
            }
        )
    placements: dict[int, list[tuple]] = {}
    for fact in facts:
        slots = rng.sample(range(n), fact["appearances"] + (1 if fact["other"] else 0))
        for j, idx in enumerate(slots):
            is_other = fact["other"] is not None and j == len(slots) - 1
            value = fact["other"] if is_other else fact["billions"]
            sentence = rng.choice(TEMPLATES).format(
                country=fact["country"], project=fact["project"] + "", fig=rng.choice(fig_formats(value))
            )
            day = fact["start"] + timedelta(days=7 * j + rng.randint(0, 6))
            placements.setdefault(idx, []).append(
                (fact["id"], "other" if is_other else "main", sentence, day.isoformat())
            )
    return facts, placements


def build(n: int, out: Path, seed: int = 7) -> tuple[list[dict], dict[str, list[tuple]]]:
    rng = random.Random(seed)
    bases = load_wikinews()
    facts, placements = plant(n, rng)
    truth: dict[str, list[tuple]] = {}
    with open(out, "w", encoding="utf-8") as fp:
        for i in range(n):
            art = vary(bases[i % len(bases)], i, rng)
            if i in placements:
                paras = art["text"].split("\n\n")
                for fact_id, cls, sentence, day in placements[i]:
                    paras.insert(min(1, len(paras)), sentence)
                    art["date"] = day
                    truth.setdefault(art["url"], []).append((fact_id, cls, sentence))
                art["text"] = "\n\n".join(paras)
            fp.write(json.dumps(art, ensure_ascii=False) + "\n")
    return facts, truth


# ------------------------------------------------------------------ ingest with memory sampling


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its descendants, from /proc."""
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/status") as fp:
                for line in fp:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fp:
                    stack.extend(int(c) for c in fp.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def run_ingest(jsonl: Path, db: Path, workers: int) -> tuple[float, int, str]:
    cmd = [TRACKER, "ingest", str(jsonl), "--db", str(db), "--workers", str(workers), "--quiet"]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(proc.pid))
        time.sleep(0.1)
    elapsed = time.perf_counter() - t0
    err = proc.stderr.read()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    return elapsed, peak, err.strip().splitlines()[-1] if err.strip() else ""


# ------------------------------------------------------------------ scoring


def score(db_path: Path, truth: dict[str, list[tuple]], facts: list[dict]) -> dict:
    conn = sqlite3.connect(db_path)
    planted: dict[str, tuple[int, str]] = {}  # claim id -> (fact, class)
    missed = 0
    by_project = {f["id"]: f["project"] for f in facts}
    for url, items in truth.items():
        row = conn.execute("select id from articles where url = ?", [url]).fetchone()
        if not row:
            missed += len(items)
            continue
        claims = conn.execute("select id, text from claims where article_id = ?", [row[0]]).fetchall()
        for fact_id, cls, _sentence in items:
            hit = [cid for cid, text in claims if by_project[fact_id] in text]
            if hit:
                planted[hit[0]] = (fact_id, cls)
            else:
                missed += 1
    group = dict(conn.execute("select claim_id, group_id from claim_group_members").fetchall())
    ids = list(planted)
    tp = fp = fn = 0
    for i in range(len(ids)):
        for j in range(i + 1, len(ids)):
            same_true = planted[ids[i]] == planted[ids[j]]
            same_pred = group.get(ids[i]) is not None and group.get(ids[i]) == group.get(ids[j])
            tp += same_true and same_pred
            fp += (not same_true) and same_pred
            fn += same_true and not same_pred
    # groups of planted claims polluted by unplanted claims
    polluted = 0
    pg = {group[c] for c in ids if c in group}
    for g in pg:
        members = [r[0] for r in conn.execute("select claim_id from claim_group_members where group_id = ?", [g])]
        polluted += any(m not in planted for m in members)
    # conflicts
    c_tp = c_fp = 0
    found_other = set()
    rows = conn.execute("select claim_id, other_claim_id from claim_conflicts").fetchall()
    for a, b in rows:
        if a not in planted and b not in planted:
            continue
        pa, pb = planted.get(a), planted.get(b)
        ok = pa and pb and pa[0] == pb[0] and {pa[1], pb[1]} == {"main", "other"}
        if ok:
            c_tp += 1
            found_other.add(a if pa[1] == "other" else b)
        else:
            c_fp += 1
    others = [c for c, (f, cls) in planted.items() if cls == "other"]
    n_conf = conn.execute("select count(*) from claim_conflicts").fetchone()[0]
    return {
        "planted_claims": sum(len(v) for v in truth.values()),
        "planted_found": len(planted),
        "planted_missed_by_extraction": missed,
        "group_precision": tp / (tp + fp) if tp + fp else 1.0,
        "group_recall": tp / (tp + fn) if tp + fn else 1.0,
        "planted_groups_with_foreign_claims": f"{polluted}/{len(pg)}",
        "conflict_precision": c_tp / (c_tp + c_fp) if c_tp + c_fp else 1.0,
        "conflict_recall": len(found_other) / len(others) if others else 1.0,
        "conflicts_total": n_conf,
    }


# ------------------------------------------------------------------ pages


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> tuple[float, int, int]:
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return (time.perf_counter() - t0) * 1000, status, len(body)


def pages(db_path: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(db_path)
    rnd = random.Random(3)

    def sample(sql: str, k: int) -> list:
        rows = [r[0] for r in conn.execute(sql).fetchall()]
        return rnd.sample(rows, min(k, len(rows))) if rows else []

    claim_ids = sample("select id from claims where rowid % 97 = 0 limit 2000", 20)
    article_ids = sample("select id from articles where rowid % 31 = 0 limit 2000", 20)
    quote_ids = sample("select id from quotes where rowid % 89 = 0 limit 2000", 20)
    groups = sample("select id from claim_groups where articles >= 2 order by articles desc limit 200", 20)
    speakers = sample(
        "select name from speakers where id in (select speaker_id from quotes group by speaker_id "
        "order by count(*) desc limit 50)",
        10,
    )
    entities = sample("select e.name from entities e where e.kind = 'country' limit 50", 10)
    words = ["government", "billion", "election", "police", "minister", "project", "hospital", "storm"]
    q = urllib.parse.quote
    return {
        "home page": ["/"],
        "database page": ["/tracker"],
        "articles table (facets)": ["/tracker/articles"],
        "claims table (facets)": ["/tracker/claims", "/tracker/claims?kind=quantity"],
        "quotes table (facets)": ["/tracker/quotes"],
        "claim_groups table": ["/tracker/claim_groups"],
        "full-text search claims": [f"/tracker/claims?_search={w}" for w in words],
        "full-text search articles": [f"/tracker/articles?_search={w}" for w in words],
        "claim row page": [f"/tracker/claims/{q(c)}" for c in claim_ids],
        "article reader (row page)": [f"/tracker/articles/{q(a)}" for a in article_ids],
        "quote row page": [f"/tracker/quotes/{q(x)}" for x in quote_ids],
        "claim group page": [f"/tracker/claim_group?group={g}" for g in groups],
        "who repeated a fact": [f"/tracker/group_repeaters?group={g}" for g in groups],
        "conflicts view": ["/tracker/claim_conflicts_side_by_side"],
        "conflicting_figures query": ["/tracker/conflicting_figures?entity="]
        + [f"/tracker/conflicting_figures?entity={q(e)}" for e in entities[:3]],
        "speaker timeline": [f"/tracker/speaker_timeline?speaker={q(s)}" for s in speakers],
        "CSV export (claims, 1000 rows)": ["/tracker/claims.csv?_labels=on&_size=max"],
        "CSV export (group page)": [f"/tracker/claim_group.csv?group={g}" for g in groups[:5]],
    }


def measure_pages(db_path: Path, requests: int, port: int | None, only: str | None = None) -> dict[str, dict]:
    port = port or free_port()
    log = open(db_path.with_suffix(".serve.log"), "w")
    proc = subprocess.Popen(
        [TRACKER, "serve", "--db", str(db_path), "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=ROOT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/-/versions.json", timeout=2).read()
                break
            except Exception:
                time.sleep(0.25)
        else:
            raise SystemExit("tracker serve did not start; see " + str(log.name))
        out = {}
        for name, urls in pages(db_path).items():
            if not urls or (only and only.lower() not in name.lower()):
                continue
            fetch(base + urls[0])  # warm up
            times, bad = [], []
            for i in range(requests):
                ms, status, size = fetch(base + urls[i % len(urls)])
                times.append(ms)
                if status != 200:
                    bad.append((urls[i % len(urls)], status))
            times.sort()
            out[name] = {
                "p50": statistics.median(times),
                "p95": times[max(0, int(round(0.95 * len(times))) - 1)],
                "errors": bad[:3],
            }
        return out
    finally:
        stop_server(proc)


def stop_server(proc: subprocess.Popen, grace: float = 10.0) -> None:
    """End `tracker serve` and the `datasette` process it runs: terminating the `tracker` process alone left
    Datasette running after the benchmark. The server was started in a session of its own, so its process
    group holds both; what is still there after `grace` seconds is killed."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + grace
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        pass
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)  # anyone left in the group?
        except ProcessLookupError:
            return
        time.sleep(0.1)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    proc.wait()


def print_pages(res: dict[str, dict], requests: int) -> None:
    print(f"pages ({requests} requests each, ms):", flush=True)
    for name, r in res.items():
        flag = "" if r["p95"] < 500 else "   <-- over 500 ms"
        err = f"  errors: {r['errors']}" if r["errors"] else ""
        print(f"  {name:34s} p50 {r['p50']:7.1f}  p95 {r['p95']:7.1f}{flag}{err}", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("n", type=int, nargs="?")
    ap.add_argument(
        "--pages-of",
        metavar="DB",
        help="only time the pages of this existing database (named tracker.db; opened by `tracker serve`, "
        "which adds any missing index), with no corpus or ingest",
    )
    ap.add_argument("--only", help="time only the pages whose name contains this (with --pages-of)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--requests", type=int, default=20, help="requests per page kind")
    ap.add_argument("--port", type=int)
    ap.add_argument("--keep", help="folder to keep the corpus and database in (default: a temp folder, removed)")
    args = ap.parse_args()
    if args.pages_of:
        print_pages(measure_pages(Path(args.pages_of), args.requests, args.port, args.only), args.requests)
        return
    if args.n is None:
        ap.error("give N (articles to build and ingest) or --pages-of DB")
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="tracker-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    jsonl, db = folder / f"articles-{args.n}.jsonl", folder / "tracker.db"  # the config names the database "tracker"
    for p in (db, Path(str(db) + "-wal"), Path(str(db) + "-shm")):
        p.unlink(missing_ok=True)
    try:
        t0 = time.perf_counter()
        facts, truth = build(args.n, jsonl)
        print(
            f"corpus: {args.n} articles, {jsonl.stat().st_size / 1e6:.1f} MB JSONL, "
            f"{sum(len(v) for v in truth.values())} planted claims about {len(facts)} facts "
            f"({sum(1 for f in facts if f['other'])} with a conflicting figure) in {time.perf_counter() - t0:.1f}s",
            flush=True,
        )
        elapsed, peak, line = run_ingest(jsonl, db, args.workers)
        print(f"ingest: {line}", flush=True)
        print(
            f"ingest: {args.n / elapsed:.0f} articles/s ({elapsed:.1f}s, {args.workers} workers), "
            f"peak memory {peak / 2**20:.0f} MiB (process tree)",
            flush=True,
        )
        size = sum(p.stat().st_size for p in folder.glob(db.name + "*"))
        conn = sqlite3.connect(db)
        counts = {
            t: conn.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("quotes", "claims", "claim_groups", "claim_conflicts")
        }
        repeated = conn.execute("select count(*) from claim_groups where articles >= 2").fetchone()[0]
        conn.close()
        print(
            f"database: {size / 2**20:.0f} MiB; "
            + ", ".join(f"{v} {k}" for k, v in counts.items())
            + f"; {repeated} groups in 2+ articles",
            flush=True,
        )
        s = score(db, truth, facts)
        print(
            "grouping: precision {group_precision:.3f}, recall {group_recall:.3f} (pairs of planted claims; "
            "{planted_found}/{planted_claims} planted claims extracted; planted groups holding other claims: "
            "{planted_groups_with_foreign_claims})".format(**s)
        )
        print(
            "conflicts: precision {conflict_precision:.3f}, recall {conflict_recall:.3f} (planted conflicting "
            "claims flagged against their fact; {conflicts_total} conflicts in all)".format(**s),
            flush=True,
        )
        print_pages(measure_pages(db, args.requests, args.port), args.requests)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
