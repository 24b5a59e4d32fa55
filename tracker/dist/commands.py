"""`tracker extract`, `tracker group` and `tracker load`: a thin click layer over tracker.dist, attached to the
`tracker` group by `register(cli)`. Dask and pyarrow are imported only when one of them runs, and a missing
extra is one clear line, not a traceback."""

from __future__ import annotations

import sys

import click

scheduler_option = click.option(
    "--scheduler",
    default="synchronous",
    show_default=True,
    help="synchronous (in this process), threads, processes, local (a LocalCluster of --workers processes), "
    "or a scheduler address such as tcp://host:8786",
)
workers_option = click.option("--workers", "-w", type=int, default=None, help="Workers (processes, local)")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress")


def _need_extra() -> None:
    try:
        import dask  # noqa: F401
        import fsspec  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as e:
        raise click.ClickException(f'{e.name} is missing: install the extra with pip install "tracker[dist]"') from None


@click.command(name="extract")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--output", "-o", "run", required=True, help="Run folder (a path or a URL such as s3://bucket/run)")
@scheduler_option
@workers_option
@click.option("--chunk-size", type=int, default=1000, show_default=True, help="Articles per task (JSON Lines)")
@click.option("--raw", is_flag=True, help="Store each file's text verbatim as the body (no cleaning)")
@quiet_option
def extract_cmd(inputs, run, scheduler, workers, chunk_size, raw, quiet):
    """Extract quotes and claims from INPUTS (files, folders, globs, s3:// URLs) on Dask into RUN/<table>/*.parquet.

    JSON Lines files are split into byte ranges of about --chunk-size articles; other files are a task each.
    Running it again rewrites the same parts. Records that cannot be read are reported; the exit code is then 1.
    """
    _need_extra()
    from tracker.dist.extract import extract

    s = extract(list(inputs), run, scheduler=scheduler, workers=workers, chunk_size=chunk_size, raw=raw, quiet=quiet)
    for e in s.errors:
        click.echo(f"skipped {e}", err=True)
    click.echo(s.line(), err=True)
    if s.errors:
        sys.exit(1)


@click.command(name="group")
@click.argument("run")
@scheduler_option
@workers_option
@click.option("--buckets", type=int, default=None, help="Key buckets [default: one per claim partition]")
@quiet_option
def group_cmd(run, scheduler, workers, buckets, quiet):
    """Claim groups and conflicts of the extracted RUN, as a batch, with the same rules as ingest."""
    _need_extra()
    from tracker.dist.group import group

    click.echo(group(run, scheduler=scheduler, workers=workers, buckets=buckets, quiet=quiet).line(), err=True)


@click.command(name="load")
@click.argument("run")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False), help="SQLite file to build")
@click.option("--where", help="Only the articles matching this SQL condition, e.g. \"published like '2021%'\"")
@quiet_option
def load_cmd(run, db_path, where, quiet):
    """Build the SQLite database Datasette serves (replacing DB) from RUN, whole or a slice (--where)."""
    _need_extra()
    from tracker.dist.load import RepeatedArticle, load

    try:
        s = load(run, db_path, where=where, on_status=None if quiet else lambda line: click.echo(line, err=True))
    except RepeatedArticle as e:
        raise click.ClickException(str(e)) from None
    click.echo(s.line(), err=True)


def register(cli: click.Group) -> None:
    for command in (extract_cmd, group_cmd, load_cmd):
        cli.add_command(command)
