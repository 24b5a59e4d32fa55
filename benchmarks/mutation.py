"""Mutation testing: would the tests notice if a line of the code were wrong?

usage:
  python benchmarks/mutation.py tracker/extraction/quantities.py [MODULE ...] [--sample N] [--budget S]
  python benchmarks/mutation.py tracker/extraction/ --total 350 --seed 16   # a random sample, weighted by size
  python benchmarks/mutation.py --sql [--budget S]
  python benchmarks/mutation.py MODULE ... --rerun-survivors  # after adding tests: the survivors again
  python benchmarks/mutation.py MODULE ... --confirm-survivors  # each survivor applied for real, tests rerun
  python benchmarks/mutation.py --report                      # summarise the last runs again

Python modules go through mutmut (3.x; `pip install -e ".[test]"`), which rewrites each function into many
one-token variants (`<` for `<=`, `and` for `or`, a changed constant, a dropped argument...) and runs the tests
that reach it against each. A mutant is *killed* when a test fails, *survived* when all pass. mutmut runs in
a scratch copy of the repository (`--workdir`, default /tmp/tracker-mutation/<group>), configured there to
mutate only the modules asked for and to run only the tests of their stage (see GROUPS), so the checkout and
its pyproject stay untouched. `--sample N` runs an evenly spread sample of N mutants per module (the machine
has two cores: every mutant of the extraction package is hours); with `--seed S` the N are drawn at random
instead (the same N for the same seed and the same code). `--total N --seed S` draws N mutants over all the
modules asked for, each module's share in proportion to its number of mutants, so the pooled kill rate
estimates the package's. A directory (`tracker/extraction/`) stands for its modules. The numbers printed
say how many ran, and each kill rate comes with its 95 % Wilson interval: a sample's rate is an estimate.
`--warmup collect` has mutmut import and collect the tests once rather than per mutant (6 s of CPU each for the
extraction's tests); code run at import then keeps its unmutated tables, so run --confirm-survivors after it.

The SQL that lives outside Python functions is mutated here, since mutmut only knows Python: `--sql` applies
SQL operators (desc->asc, >=->>, and->or, not in->in, min->max, left join->join, a narrowed trigger...)
to each stored query in datasette.yaml and to the SQL strings of tracker/store/annotation_rules.py, one at a
time, and runs the web (or annotation) tests against each.

Prints killed / survived / timeout / no tests per module and the score, killed / (all that ran); with
`--survivors` the survivors' names (`mutmut show NAME` in the workdir prints a diff). What survives and why it
is judged equivalent is written up in docs/mutation-testing.md.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import subprocess
import sys
import time
import tokenize
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKDIR = Path("/tmp/tracker-mutation")
# Which tests judge which modules: the stage's own tests (and the example gate), not the whole suite, so that
# a mutant costs seconds. A mutant only these miss is reported as survived even if a slower test would kill it.
GROUPS = {
    "extraction": (
        "tracker/extraction/",
        # the stage's unit tests (the example article's gate among them), the hand-annotated gold set and the
        # parse step: 591 tests, ~4 s of CPU for a surviving mutant
        ["tests/extraction", "tests/gold", "tests/test_parse.py"],
    ),
    "annotations": (
        "tracker/store/annotation_rules.py tracker/review/annotations.py",
        [
            "tests/store/test_annotation_rules.py",
            "tests/review/test_annotation_inputs.py",
            "tests/review/test_annotations.py",
        ],
    ),
    "store": ("tracker/store/", ["tests/store"]),
    "evaluate": ("tracker/evaluate/", ["tests/evaluate"]),
    "web": ("tracker/web/", ["tests/web/test_queries.py", "tests/web/test_serve.py", "tests/web/test_charts.py"]),
}
COPY = ["tracker", "tests", "data/articles", "datasette.yaml", "metadata.yml", "pyproject.toml"]
# mutmut's exit codes (mutmut/stats.py)
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped", 36: "timeout"}
STATUS.update({24: "timeout", -24: "timeout", 152: "timeout", 255: "timeout", 37: "killed", None: "not run"})


def group_of(module: str) -> str:
    for name, (paths, _) in GROUPS.items():
        if any(module.startswith(p) for p in paths.split()):
            return name
    raise SystemExit(f"{module}: not in any group of benchmarks/mutation.py")


def scratch_copy(dest: Path) -> None:
    """The repository as it is now (uncommitted changes included), minus caches and databases."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.db", "*.db-*", ".hypothesis", "mutants")
    for name in COPY:
        src, dst = ROOT / name, dest / name
        if dst.is_dir():
            shutil.rmtree(dst)
        if src.is_dir():
            shutil.copytree(src, dst, ignore=ignore)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)


# Extra pytest arguments per group: the extraction's six property tests (hypothesis, 300 examples each) cost more
# than the other 280 together, and every surviving mutant would run them all.
PYTEST_ARGS = {"extraction": ["-m", "not hypothesis"]}


def mutmut_config(modules: list[str], tests: list[str], extra: list[str] = (), warmup: str = "none") -> str:
    quoted = lambda xs: "[" + ", ".join(json.dumps(x) for x in xs) + "]"  # noqa: E731
    return (
        "\n[tool.mutmut]\n"
        'source_paths = ["tracker/"]\n'
        f"only_mutate = {quoted(modules)}\n"
        f"also_copy = {quoted(['data', 'datasette.yaml', 'metadata.yml'])}\n"
        f"pytest_add_cli_args_test_selection = {quoted(tests)}\n"
        f"pytest_add_cli_args = {quoted(['-p', 'no:cacheprovider', *extra])}\n"
        # each mutant's worker imports the code afresh with its mutant switched on: the default (fork from a
        # process that has imported everything) would leave tables built at import time (the annotation
        # triggers, compiled patterns) unmutated, and their mutants would survive for no fault of the tests.
        # The price is a fresh import and test collection per mutant (6 s of CPU for the extraction's tests);
        # `--warmup collect` pays it once, and --confirm-survivors then settles the import-time survivors.
        'process_isolation = "forkserver"\n'
        f"forkserver_warmup = {json.dumps(warmup)}\n"
        # that fresh import (a second or more on a loaded machine) is not in mutmut's test timings: without
        # slack, slow imports would be counted as timeouts (which score as killed)
        "timeout_constant = 60.0\n"
    )


def write_config(work: Path, modules: list[str], tests: list[str], extra: list[str] = (), warmup: str = "none") -> None:
    text = (work / "pyproject.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^\[tool\.mutmut\]\n.*?(?=^\[|\Z)", "", text)  # the checkout's own section
    config = mutmut_config(modules, tests, extra, warmup)
    (work / "pyproject.toml").write_text(text.rstrip() + "\n" + config, encoding="utf-8")


def mutant_names(work: Path, module: str) -> list[str]:
    meta = work / "mutants" / (module + ".meta")
    return sorted(json.loads(meta.read_text())["exit_code_by_key"]) if meta.exists() else []


def spread(names: list[str], n: int) -> list[str]:
    """n names evenly spread over the list (every function gets its share), the same ones on every run."""
    if n <= 0 or n >= len(names):
        return names
    step = len(names) / n
    return [names[int(i * step)] for i in range(n)]


def drawn(names: list[str], n: int, seed: int, module: str) -> list[str]:
    """n names drawn at random: a simple random sample, so its kill rate is an unbiased estimate of the module's.
    Seeded by seed and module, so a module's draw does not depend on which other modules are asked for."""
    if n >= len(names):
        return sorted(names)
    if n <= 0:  # a module whose share of a --total rounds to nothing
        return []
    return sorted(random.Random(f"{seed}:{module}").sample(sorted(names), n))


def shares(sizes: dict[str, int], total: int) -> dict[str, int]:
    """total split over the modules in proportion to their sizes (largest remainders get the odd ones)."""
    whole = sum(sizes.values())
    if whole <= total:
        return dict(sizes)
    exact = {m: total * n / whole for m, n in sizes.items()}
    out = {m: int(x) for m, x in exact.items()}
    for m in sorted(exact, key=lambda m: (out[m] - exact[m], m))[: total - sum(out.values())]:
        out[m] += 1
    return out


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a rate k/n: honest at small n and near 0 or 1, where k/n ± 1.96·se is not."""
    if n == 0:
        return (0.0, 1.0)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def expand(modules: list[str]) -> list[str]:
    """A directory stands for its modules (package __init__ files left out: they only re-export)."""
    out = []
    for m in modules:
        path = ROOT / m
        if path.is_dir():
            out += sorted(str(p.relative_to(ROOT)) for p in path.glob("*.py") if p.name != "__init__.py")
        else:
            out.append(m)
    return out


def survivors_of(work: Path, module: str) -> list[str]:
    meta = work / "mutants" / (module + ".meta")
    codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
    return sorted(name for name, code in codes.items() if code in (0, 5, 33))


def run_mutmut(
    modules: list[str],
    sample: int,
    budget: float,
    children: int,
    rerun: bool = False,
    seed: int | None = None,
    total: int = 0,
    warmup: str = "none",
) -> None:
    by_group: dict[str, list[str]] = {}
    for m in modules:
        by_group.setdefault(group_of(m), []).append(m)
    for group, mods in by_group.items():
        work = WORKDIR / group
        scratch_copy(work)
        write_config(work, mods, GROUPS[group][1], PYTEST_ARGS.get(group, []), warmup)
        cmd = [sys.executable, "-m", "mutmut"]
        names: list[str] = []
        chosen: dict[str, list[str]] = {}
        if rerun:  # the survivors (and no-tests) of the last run, against the tests as they are now
            names = [n for m in mods for n in survivors_of(work, m)]
            if not names:
                continue
        elif sample or total:
            # generate the mutants (no tests run for a name that matches nothing), then pick the sample
            subprocess.run(cmd + ["run", "__no_such_mutant__"], cwd=work, capture_output=True, text=True)
            every = {m: mutant_names(work, m) for m in mods}
            want = shares({m: len(v) for m, v in every.items()}, total) if total else dict.fromkeys(mods, sample)
            for m in mods:
                chosen[m] = spread(every[m], want[m]) if seed is None else drawn(every[m], want[m], seed, m)
                names += chosen[m]
            (work / "sample.json").write_text(json.dumps(chosen | {"__seed__": seed}))
        t0 = time.monotonic()
        print(f"[{group}] mutating {', '.join(mods)}: {len(names) or 'all'} mutants, budget {budget:.0f} s", flush=True)
        try:
            subprocess.run(
                cmd + ["run", "--max-children", str(children), *names],
                cwd=work,
                timeout=budget,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            print(f"[{group}] budget spent after {time.monotonic() - t0:.0f} s: the rest is reported as not run")
        if not rerun and not chosen:  # the whole population
            (work / "sample.json").unlink(missing_ok=True)


def confirm_survivors(modules: list[str], budget: float) -> None:
    """Apply each survivor to the scratch copy's source for real (`mutmut apply`) and run its stage's tests in a
    fresh interpreter. mutmut switches mutants on at call time, so code that runs once at import (the trigger
    SQL built into TRIGGERS, tables and patterns built by helper functions) can stay unmutated and its mutants
    "survive" whatever the tests say; a survivor the tests kill here was such a false survivor."""
    deadline = time.monotonic() + budget
    by_group: dict[str, list[str]] = {}
    for m in modules:
        by_group.setdefault(group_of(m), []).append(m)
    for group, mods in by_group.items():
        work = WORKDIR / group
        done_path = work / "confirmed.json"
        done = json.loads(done_path.read_text()) if done_path.exists() else {}
        tests = GROUPS[group][1]
        for m in mods:
            original = (work / m).read_text(encoding="utf-8")
            for name in survivors_of(work, m):
                if name in done or time.monotonic() > deadline:
                    continue
                subprocess.run([sys.executable, "-m", "mutmut", "apply", name], cwd=work, capture_output=True)
                if (work / m).read_text(encoding="utf-8") == original:
                    done[name] = "not applied"
                else:
                    cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"]
                    r = subprocess.run(cmd + PYTEST_ARGS.get(group, []) + tests, cwd=work, capture_output=True)
                    done[name] = "killed" if r.returncode else "survived"
                (work / m).write_text(original, encoding="utf-8")
                done_path.write_text(json.dumps(done, indent=1))
                print(f"  {name}: {done[name]}", flush=True)


def summarise_mutmut(show_survivors: bool) -> list[tuple[str, dict[str, int]]]:
    rows = []
    for group in GROUPS:
        work = WORKDIR / group
        if not (work / "mutants").exists():
            continue
        sample_path = work / "sample.json"
        samples = json.loads(sample_path.read_text()) if sample_path.exists() else {}
        confirmed_path = work / "confirmed.json"
        confirmed = json.loads(confirmed_path.read_text()) if confirmed_path.exists() else {}
        for meta in sorted((work / "mutants").rglob("*.py.meta")):
            module = str(meta.relative_to(work / "mutants"))[: -len(".meta")]
            codes = json.loads(meta.read_text())["exit_code_by_key"]
            chosen = samples.get(module, list(codes) if not samples else [])
            counts: dict[str, int] = {}
            survivors = []
            for name in chosen:
                status = STATUS.get(codes.get(name), "suspicious")
                if status in ("survived", "no tests") and confirmed.get(name) in ("killed", "survived"):
                    # by the tests, once the mutant was really in the code (see confirm_survivors): code run at
                    # import has no test of its own in mutmut's bookkeeping, so its mutants come out as no tests
                    status = confirmed[name]
                counts[status] = counts.get(status, 0) + 1
                if status == "survived":
                    survivors.append(name)
            if sum(v for k, v in counts.items() if k != "not run"):
                rows.append((module, counts | {"generated": len(codes)}))
                if show_survivors:
                    for s in survivors:
                        print(f"  survived: {s}")
    return rows


# ------------------------------------------------------------------------------------------------ SQL mutants

SQL_OPERATORS = [
    (r"\bdesc\b", "asc"),
    (r"\basc\b", "desc"),
    (r"(?<=order by )([\w.]+)(?=[\s,]|$)(?! desc)", r"\1 desc"),
    (r" >= ", " > "),
    (r" > ", " >= "),
    (r" <= ", " < "),
    (r" < ", " <= "),
    (r" <> ", " = "),
    (r"\band\b", "or"),
    (r"\bor\b", "and"),
    (r"\bnot in\b", "in"),
    (r"\bis not null\b", "is null"),
    (r"\bis null\b", "is not null"),
    (r"\bmin\(", "max("),
    (r"\bmax\(", "min("),
    (r"count\(distinct ", "count("),
    (r"\bleft join\b", "join"),
    (r"\blimit \d+", "limit 1"),
    (r"\bunion all\b", "union"),
    (r"\bbefore update on\b", "before update of verdict on"),
    (r"\bbefore delete\b", "after delete"),
    (r"raise\(abort", "raise(ignore"),
]


def sql_mutants(sql: str):
    for pattern, repl in SQL_OPERATORS:
        for m in re.finditer(pattern, sql):
            mutated = sql[: m.start()] + m.expand(repl) + sql[m.end() :]
            if mutated != sql:  # "limit 1" -> "limit 1" is no mutant
                yield f"{pattern} -> {repl} at {m.start()}", mutated


def yaml_targets() -> list[tuple[str, str]]:
    """(query name, its sql) of every read-only stored query (the annotate query is held to ANNOTATE_SQL
    character for character by a test, so any change to it is killed by construction)."""
    import yaml

    queries = yaml.safe_load((ROOT / "datasette.yaml").read_text())["databases"]["tracker"]["queries"]
    return [(name, q["sql"]) for name, q in queries.items() if not q.get("write")]


def _string_spans(source: str) -> list[tuple[int, int]]:
    lines = source.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    spans = []
    for tok in tokenize.generate_tokens(StringIO(source).readline):
        if tok.type == tokenize.STRING or tok.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            spans.append((offsets[tok.start[0] - 1] + tok.start[1], offsets[tok.end[0] - 1] + tok.end[1]))
    return spans


_SQLISH = re.compile(r"\b(?:select|create|where|new\.|join)\b", re.IGNORECASE)


def sql_plan(work: Path, only: str | None = None) -> list[dict]:
    """Every SQL mutant: the file it changes, its whole mutated text, the tests that judge it, its module row."""
    plan = []
    yaml_text = (work / "datasette.yaml").read_text(encoding="utf-8")
    for name, sql in yaml_targets():
        block = "\n".join("          " + line if line else line for line in sql.split("\n"))
        assert block in yaml_text, name
        for label, mutated in sql_mutants(sql):
            new_block = "\n".join("          " + line if line else line for line in mutated.split("\n"))
            plan.append(
                {
                    "module": "datasette.yaml (stored queries)",
                    "file": "datasette.yaml",
                    "text": yaml_text.replace(block, new_block, 1),
                    "tests": ["tests/web/test_queries.py"],  # every stored query row by row
                    "label": f"{name}: {label}",
                }
            )
    rules = "tracker/store/annotation_rules.py"
    source = (work / rules).read_text(encoding="utf-8")
    for a, b in _string_spans(source):
        if not _SQLISH.search(source[a:b]):
            continue  # the docstring and messages are prose, not SQL
        for label, mutated in sql_mutants(source[a:b]):
            plan.append(
                {
                    "module": f"{rules} (SQL strings)",
                    "file": rules,
                    "text": source[:a] + mutated + source[b:],
                    "tests": ["tests/store/test_annotation_rules.py"],
                    "label": f"line {source.count(chr(10), 0, a) + 1}: {label}",
                }
            )
    return [m for m in plan if re.search(only, m["label"])] if only else plan


SQL_MUTANT_TIMEOUT = 120  # seconds of wall time for one SQL mutant's tests; past it the mutant counts as a timeout


def sql_worker(plan_path: str) -> None:
    """Runs in the scratch copy: each mutant written in place, pytest run in this process (the imports are paid
    once, not per mutant), the annotation rules module reloaded so its triggers are rebuilt from the mutant.
    A mutant can make a test loop for ever (a page that starts at its own cursor): an alarm then raises inside
    the test, which fails, and the mutant is counted as a timeout (killed), as mutmut counts its own."""
    import contextlib
    import importlib
    import io
    import os
    import signal

    import pytest

    work = Path.cwd()
    sys.path.insert(0, str(work))
    import tracker.store.annotation_rules as rules_mod

    plan = json.loads(Path(plan_path).read_text())
    results_path = Path(plan_path).with_suffix(".results.jsonl")
    originals = {m["file"]: (work / m["file"]).read_text(encoding="utf-8") for m in plan}
    fired = []

    def too_long(signum, frame):
        fired.append(True)
        raise TimeoutError("SQL mutant: tests ran too long")

    signal.signal(signal.SIGALRM, too_long)
    with open(results_path, "a", encoding="utf-8") as out:
        for m in plan:
            path = work / m["file"]
            path.write_text(m["text"], encoding="utf-8")
            importlib.reload(rules_mod)
            fired.clear()
            signal.alarm(SQL_MUTANT_TIMEOUT)
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                code = pytest.main([*m["tests"], "-x", "-q", "-p", "no:cacheprovider"])
            signal.alarm(0)
            path.write_text(originals[m["file"]], encoding="utf-8")
            importlib.reload(rules_mod)
            status = "timeout" if fired else "survived" if code == 0 else "killed"
            out.write(json.dumps({"module": m["module"], "label": m["label"], "status": status}) + "\n")
            out.flush()
    os._exit(0)


def run_sql(budget: float, show_survivors: bool, only: str | None = None) -> list[tuple[str, dict[str, int]]]:
    work = WORKDIR / "sql"
    scratch_copy(work)
    plan = sql_plan(work, only)
    plan_path = work / "sql-plan.json"
    plan_path.write_text(json.dumps(plan))
    results_path = plan_path.with_suffix(".results.jsonl")
    results_path.unlink(missing_ok=True)
    check = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/web/test_queries.py"]
        + ["tests/store/test_annotation_rules.py"],
        cwd=work,
        capture_output=True,
    )
    assert check.returncode == 0, "the tests fail before any mutation"
    print(f"[sql] {len(plan)} mutants, budget {budget:.0f} s", flush=True)
    try:
        subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--sql-worker", str(plan_path)],
            cwd=work,
            timeout=budget,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        print("[sql] budget spent: the rest is reported as not run")
    for name in {m["file"] for m in plan}:  # a killed worker may have left a mutant in place
        shutil.copy2(ROOT / name, work / name)
    done = [json.loads(line) for line in results_path.read_text().splitlines()] if results_path.exists() else []
    rows = []
    for module in dict.fromkeys(m["module"] for m in plan):
        counts: dict[str, int] = {}
        for r in done:
            if r["module"] == module:
                counts[r["status"]] = counts.get(r["status"], 0) + 1
                if show_survivors and r["status"] == "survived":
                    print(f"  survived: {module}: {r['label']}")
        counts["not run"] = sum(1 for m in plan if m["module"] == module) - sum(counts.values())
        rows.append((module, counts))
    (work / "result.json").write_text(json.dumps(rows))
    return rows


def print_table(rows: list[tuple[str, dict[str, int]]]) -> None:
    """One row per module, and a pooled row when several ran: the score is (killed + timeout) / ran, with its
    95 % Wilson interval (a sample's score is an estimate of the module's, not the module's)."""
    head = f"{'module':52} {'killed':>7} {'survived':>9} {'timeout':>8} {'no tests':>9} {'not run':>8}"
    print(f"{head} {'score':>7}  95 % interval")
    pooled: dict[str, int] = {}
    for _module, c in rows:
        for k, v in c.items():
            if k != "generated":
                pooled[k] = pooled.get(k, 0) + v
    for module, c in rows + ([("all of the above", pooled)] if len(rows) > 1 else []):
        killed, survived = c.get("killed", 0), c.get("survived", 0)
        timeout, none = c.get("timeout", 0), c.get("no tests", 0)
        ran = killed + survived + timeout + none + c.get("suspicious", 0) + c.get("skipped", 0)
        lo, hi = wilson(killed + timeout, ran)
        score = f"{100 * (killed + timeout) / ran:6.1f}%  {100 * lo:5.1f}–{100 * hi:5.1f} %" if ran else "      -"
        print(f"{module:52} {killed:>7} {survived:>9} {timeout:>8} {none:>9} {c.get('not run', 0):>8} {score}")


def main(argv: list[str] | None = None) -> None:
    global WORKDIR
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("modules", nargs="*", help="Python modules to mutate, e.g. tracker/extraction/dates.py")
    ap.add_argument("--sql", action="store_true", help="mutate the stored queries and the annotation triggers")
    ap.add_argument("--sample", type=int, default=0, help="mutants per module (0: all)")
    ap.add_argument("--total", type=int, default=0, help="mutants over all the modules, shared by their size")
    ap.add_argument("--seed", type=int, help="draw the sample at random with this seed (default: evenly spread)")
    ap.add_argument("--budget", type=float, default=1800, help="seconds per group before stopping")
    ap.add_argument("--children", type=int, default=2, help="mutants tested in parallel")
    ap.add_argument(
        "--warmup",
        choices=["none", "collect"],
        default="none",
        help="collect: import and collect the tests once, not per mutant (faster; confirm the survivors after)",
    )
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/tracker-mutation"))
    ap.add_argument("--survivors", action="store_true", help="list the surviving mutants")
    ap.add_argument("--report", action="store_true", help="only print the results of earlier runs")
    ap.add_argument("--rerun-survivors", action="store_true", help="test the last run's survivors again")
    ap.add_argument("--sql-worker", help=argparse.SUPPRESS)
    ap.add_argument("--only", help="with --sql: only the mutants whose label matches this regex (query name, line)")
    ap.add_argument("--confirm-survivors", action="store_true", help="apply each survivor for real and test again")
    args = ap.parse_args(argv)
    if args.sql_worker:
        return sql_worker(args.sql_worker)
    WORKDIR = args.workdir
    t0 = time.process_time()
    modules = expand(args.modules)
    if modules and not args.report:
        if args.confirm_survivors:
            confirm_survivors(modules, args.budget)
        else:
            run_mutmut(
                modules,
                args.sample,
                args.budget,
                args.children,
                args.rerun_survivors,
                args.seed,
                args.total,
                args.warmup,
            )
    rows = summarise_mutmut(args.survivors)
    if args.sql and not args.report:
        rows += run_sql(args.budget, args.survivors, args.only)
    elif (WORKDIR / "sql" / "result.json").exists():
        rows += [tuple(r) for r in json.loads((WORKDIR / "sql" / "result.json").read_text())]
    print_table(rows)
    print(f"(this process: {time.process_time() - t0:.0f} s CPU; mutants run in child processes)")


if __name__ == "__main__":
    main()
