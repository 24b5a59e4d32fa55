"""The `tracker` command line: a thin click layer over functions that tests and users can call directly."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from tracker.store.db import DEFAULT_DB
from tracker.web.serve import DEFAULT_ARTICLES

if TYPE_CHECKING:  # imported where it runs, so that `tracker --help` does not load the extraction rules
    from tracker.store.ingest import IngestSummary

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database file",
)


@click.group()
@click.version_option(package_name="tracker")
def cli():
    """Turn news articles into a dataset of who said what and which facts were asserted."""


def _ingest(paths, db_path, workers, batch_size, raw, quiet) -> IngestSummary:
    from tracker.store.ingest import ingest, input_size

    def on_error(e):
        click.echo(f"skipped {e}", err=True)

    def on_status(line):
        if not quiet:
            click.echo(("\n" if total else "") + line, err=True)

    total = None if quiet else input_size(list(paths))
    progress = (
        click.progressbar(length=total, label="Ingesting", file=sys.stderr, show_pos=False)
        if total
        else contextlib.nullcontext(None)
    )
    with progress as bar:
        summary = ingest(
            list(paths),
            db_path,
            workers=workers,
            batch_size=batch_size,
            raw=raw,
            on_error=on_error,
            on_progress=bar.update if bar is not None else None,
            on_status=on_status,
        )
    return summary


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option(
    "--workers",
    "-w",
    type=click.IntRange(min=0),
    default=None,
    help="Extraction processes [default: one per core]; 0 extracts in the writing process, where an article "
    "that crashes the interpreter ends the run instead of being skipped",
)
@click.option("--batch-size", type=int, default=1000, show_default=True, help="Articles per transaction")
@click.option("--raw", is_flag=True, help="Store each file's text verbatim as the body (no cleaning)")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar")
def ingest(paths, db_path, workers, batch_size, raw, quiet):
    """Parse articles (files, folders, or - for stdin) and store them with their quotes and claims.

    Formats: plain text, HTML, JSON, JSON Lines and CSV (columns such as title, text or body, url, date,
    source). Re-ingesting an unchanged article changes nothing; a changed one is re-parsed in place.
    Files that cannot be read are reported and skipped; the exit code is 1 if any were.
    """
    summary = _ingest(paths, db_path, workers, batch_size, raw, quiet)
    click.echo(summary.line(), err=True)
    if summary.skipped:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON array of articles (the default)")
@click.option("--jsonl", "as_jsonl", is_flag=True, help="One JSON object per line")
@click.option("--raw", is_flag=True, help="The file's whole text is the body, verbatim: offsets index the file")
def parse(paths, as_json, as_jsonl, raw):
    """Parse articles without a database and print their quotes and claims as JSON.

    Each article is {"article": {...}, "quotes": [...], "claims": [...]}; every start/end indexes
    article.body.
    """
    from tracker.parse import parse_paths
    from tracker.read.formats import ReadError, describe

    skipped = 0
    items = []
    for item in parse_paths(list(paths), raw=raw):
        if not isinstance(item, ReadError):
            # Each article is serialised on its own: one that is no valid JSON (a figure out of range prints
            # as Infinity) is that article's error, and the others are still printed.
            try:
                text = json.dumps(item.to_dict(), ensure_ascii=False, allow_nan=False, indent=None if as_jsonl else 2)
            except Exception as e:
                item = ReadError(item.article.path or "<article>", f"not printable as JSON ({describe(e)})")
        if isinstance(item, ReadError):
            skipped += 1
            click.echo(f"skipped {item}", err=True)
            continue
        if as_jsonl:
            click.echo(text)
        else:
            items.append(text)
    if not as_jsonl:  # the same text as json.dumps(list, indent=2)
        click.echo("[\n" + ",\n".join("  " + t.replace("\n", "\n  ") for t in items) + "\n]" if items else "[]")
    if skipped:
        sys.exit(1)


def _build_deferred_indexes(db_path) -> None:
    """Indexes an interrupted bulk load left out (tracker.store.bulk) are built before serving, unless an ingest is
    still writing (it holds the ingest lock): that one builds them when it ends."""
    import sqlite3

    from tracker.store import bulk, grouping
    from tracker.store.bulk import build_deferred, no_ingest_running
    from tracker.store.db import connect

    with no_ingest_running(db_path) as idle:
        if not idle:
            click.echo(f"{db_path}: an ingest is writing; it builds any indexes it left out when it ends", err=True)
            return
        try:
            db = connect(db_path)
        except sqlite3.OperationalError as e:
            click.echo(f"{db_path}: not checked for deferred indexes ({e})", err=True)
            return
        try:
            build_deferred(
                db,
                on_index=lambda name: click.echo(
                    f"Building {bulk.describe([name])} (left out by an interrupted ingest)", err=True
                ),
            )
        except sqlite3.OperationalError as e:
            click.echo(f"{db_path}: indexes not built yet ({e})", err=True)
        else:
            behind = grouping.rules_behind(db)
            if behind is not None:  # a regroup takes minutes at scale: serving does not wait for it
                click.echo(
                    f"{db_path}: claim groups were made under grouping rules version {behind} (this is version "
                    f"{grouping.RULES_VERSION}); the next `tracker ingest` into it regroups them",
                    err=True,
                )
        finally:
            db.close()


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", "-p", default=8001, show_default=True, type=int)
@click.option(
    "--articles",
    default=DEFAULT_ARTICLES,
    show_default=True,
    type=click.Path(),
    help="Folder to build the database from when it does not exist yet",
)
@click.option("--rebuild", is_flag=True, help="Ingest --articles again before serving (unchanged ones are skipped)")
@click.argument("datasette_args", nargs=-1, type=click.UNPROCESSED)
def serve(db_path, host, port, articles, rebuild, datasette_args):
    """Serve the database with Datasette, building it from --articles first if it is missing.

    Logins and API tokens are signed with $DATASETTE_SECRET, or else with a secret kept next to the database
    (data/tracker.secret, owner-only, made on first use), so they survive restarts.
    Extra arguments after -- go to `datasette serve` (e.g. -- --reload).
    """
    from tracker.web.serve import port_in_use, secret_for, secret_path
    from tracker.web.serve import serve as run

    if port_in_use(host, port):
        raise click.ClickException(f"port {port} is in use; try --port")
    if rebuild or not Path(db_path).exists():
        if not Path(articles).exists():
            raise click.ClickException(f"{articles}: no such folder to build {db_path} from")
        click.echo(f"Building {db_path} from {articles}", err=True)
        summary = _ingest([articles], db_path, None, 500, False, False)
        click.echo(summary.line(), err=True)
    else:
        _build_deferred_indexes(db_path)
    try:
        secret_for(db_path)  # made here, so that a folder it cannot be kept in is said before Datasette starts
    except OSError as e:
        raise click.ClickException(
            f"cannot keep the signing secret in {secret_path(db_path)} ({e.strerror}); set DATASETTE_SECRET"
        ) from None
    click.echo(f"Serving {db_path} at http://{host}:{port}/", err=True)
    sys.exit(run(db_path, host, port, datasette_args))


@cli.group(name="eval")
def eval_group():
    """Measure the extractors against gold annotations."""


@eval_group.command(name="quotes")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON")
def eval_quotes(gold, as_json):
    """Precision, recall, F1 and speaker accuracy of quote extraction on GOLD (JSON Lines, PolNeAR style)."""
    from tracker.evaluate.quotes import evaluate_quotes, format_report

    report = evaluate_quotes(gold)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


@eval_group.command(name="claims")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON")
def eval_claims(gold, as_json):
    """Precision, recall and F1 of claim detection (and quantity extraction) on GOLD (JSON Lines)."""
    from tracker.evaluate.claims import evaluate_claims, format_report

    report = evaluate_claims(gold)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


@eval_group.command(name="realnews")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON")
@click.option("--errors", "errors_dir", type=click.Path(file_okay=False), help="Write each document's errors here")
def eval_realnews(gold, as_json, errors_dir):
    """Quotes, speakers, claims, figures and dates on GOLD: whole articles annotated by hand (REALNEWS.md)."""
    from tracker.evaluate.realnews import evaluate_realnews, format_report

    report = evaluate_realnews(gold, errors_dir)
    click.echo(json.dumps(report, indent=2) if as_json else format_report(report))


from tracker.review.commands import register as _register_annotate  # noqa: E402

_register_annotate(cli)

from tracker.dist.commands import register as _register_dist  # noqa: E402

_register_dist(cli)

if __name__ == "__main__":
    cli()
