"""Command-line annotation, accounts and export: a thin click layer over tracker.review.annotations, tracker.review.users
and tracker.review.export, attached to the `tracker` group by `register(cli)`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from tracker.review.annotations import CLAIM_VERDICTS, WRONG, AnnotationError

DEFAULT_DB = "data/tracker.db"

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="SQLite database file",
)


def open_db(db_path: str):
    """The database with the annotation rules in place; a missing file is an error, not a new empty database,
    since annotating nothing is always a mistake (a wrong --db)."""
    if not Path(db_path).exists():
        raise click.ClickException(f"{db_path}: no such database (build it with `tracker ingest`, or pass --db)")
    from tracker.store.annotation_rules import ensure_annotation_schema
    from tracker.store.db import connect

    db = connect(db_path)
    ensure_annotation_schema(db)
    return db


@click.command(name="annotate")
@click.argument("target_id")
@click.option("--verdict", required=True, help=f"One of: {', '.join(CLAIM_VERDICTS)} (quotes: extraction wrong)")
@click.option("--wrong", help=f"With --verdict 'extraction wrong': {', '.join(WRONG)}")
@click.option("--note", help="Free text")
@click.option("--source", "sources", multiple=True, help="Source URL (repeat for several)")
@click.option(
    "--by",
    "annotator",
    required=True,
    help="Who is annotating (recorded as the annotator); once the database has accounts, one of them",
)
@db_option
def annotate_cmd(target_id, verdict, wrong, note, sources, annotator, db_path):
    """Annotate the claim or quote TARGET_ID (an id from the claims or quotes table).

    An annotation is never changed: annotating again adds a new one, which becomes the current verdict.
    """
    from tracker.review.annotations import annotate
    from tracker.review.users import accounts_for_annotation, users_path

    db = open_db(db_path)
    accounts = accounts_for_annotation(users_path(db_path))
    if accounts is not None and annotator not in accounts:
        raise click.ClickException(
            f"{annotator!r} is not an account of this database (see `tracker users list`; "
            f"add one with `tracker users add {annotator}`)"
        )
    try:
        row = annotate(db, target_id, verdict, wrong=wrong, note=note, sources=sources, annotator=annotator)
    except AnnotationError as e:
        raise click.ClickException(str(e)) from None
    click.echo(
        f"annotation {row['id']}: {row['target_type']} {row['target_id']} is {row['verdict']!r}"
        f"{' (' + row['wrong'] + ')' if row['wrong'] else ''}, by {row['annotator']}",
        err=True,
    )


@click.group(name="annotations")
def annotations_group():
    """Annotations in bulk."""


@annotations_group.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--by", "annotator", help="Annotator for rows that have no annotator column")
@db_option
def import_cmd(file, annotator, db_path):
    """Append the annotations in FILE (.csv with a header row, or .jsonl), all or none.

    Columns: target_id (or claim_id / quote_id / id), verdict, wrong, note, sources (URLs separated by
    spaces or new lines, or a JSON list), annotator (or by).
    """
    from tracker.review.annotations import import_file
    from tracker.review.users import accounts_for_annotation, users_path

    db = open_db(db_path)
    try:
        n = import_file(db, file, annotator=annotator, accounts=accounts_for_annotation(users_path(db_path)))
    except AnnotationError as e:
        raise click.ClickException(str(e)) from None
    from tracker.store.ingest import plural

    click.echo(f"{plural(n, 'annotation')} imported from {file}", err=True)


@click.group(name="users")
def users_group():
    """Accounts that may log in and annotate (stored apart from the published database)."""


@users_group.command(name="add")
@click.argument("name")
@click.password_option(help="Password (prompted for, twice, when not given)")
@click.option("--replace", is_flag=True, help="Set a new password for an existing user")
@db_option
def users_add(name, password, replace, db_path):
    """Create the account NAME (or with --replace, change its password)."""
    from tracker.review.users import UserError, add_user, users_path

    path = users_path(db_path)
    try:
        add_user(path, name, password, replace=replace)
    except UserError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"user {name} saved in {path}", err=True)


@users_group.command(name="list")
@db_option
def users_list(db_path):
    """Print the user names."""
    from tracker.review.users import list_users, users_path

    for name, created in list_users(users_path(db_path)):
        click.echo(f"{name}\t{created}")


@users_group.command(name="remove")
@click.argument("name")
@db_option
def users_remove(name, db_path):
    """Delete the account NAME (its annotations keep its name)."""
    from tracker.review.users import UserError, remove_user, users_path

    try:
        remove_user(users_path(db_path), name)
    except UserError as e:
        raise click.ClickException(str(e)) from None
    click.echo(f"user {name} removed", err=True)


@click.command(name="export")
@click.option(
    "--format", "fmt", type=click.Choice(["csv", "json", "jsonl", "claimreview"]), default="csv", show_default=True
)
@click.option("--table", help="Table or view to export [default: annotations]; not for claimreview")
@click.option("--where", help="SQL condition on the rows, e.g. \"verdict = 'false'\"")
@click.option(
    "--base-url",
    default="http://127.0.0.1:8001",
    show_default=True,
    help="Where the Datasette site is published, for the ClaimReview url",
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File [default: stdout]")
@db_option
def export_cmd(fmt, table, where, base_url, output, db_path):
    """Export a table or view (CSV, JSON, JSON Lines), or annotated claims as schema.org ClaimReview JSON-LD."""
    from tracker.review.export import ExportError, export

    db = open_db(db_path)
    try:
        if output:
            n = _export_to_file(output, lambda fp: export(db, fmt, fp, table=table, where=where, base_url=base_url))
        else:
            n = export(db, fmt, sys.stdout, table=table, where=where, base_url=base_url)
    except ExportError as e:
        raise click.ClickException(str(e)) from None
    from tracker.store.ingest import plural

    click.echo(f"{plural(n, 'record')} exported", err=True)


def _export_to_file(output: str, write) -> int:
    """`write(fp)` into `output`, whole or not at all: into a new file beside it, renamed over it once complete, so
    that an export refused or failing part way (a bad --where, a full disk) leaves an earlier export of the same
    name as it was, and no half-written file. (Opened like any new file, so it takes the usual permissions.)"""
    path = Path(output).absolute()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        fp = open(tmp, "x", encoding="utf-8", newline="")
    except OSError as e:
        raise click.ClickException(f"cannot write {output}: {e.strerror}") from None
    try:
        with fp:
            n = write(fp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink()
        raise
    return n


def register(cli: click.Group) -> None:
    for command in (annotate_cmd, annotations_group, users_group, export_cmd):
        cli.add_command(command)
