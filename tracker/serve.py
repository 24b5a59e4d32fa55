"""Publish the database with Datasette, configured from the project's metadata.yml and datasette.yaml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

DEFAULT_ARTICLES = "data/articles"


def find_config(name: str, start: Path | None = None) -> Path | None:
    """metadata.yml / datasette.yaml from the working folder (where a user runs `tracker serve`), else from
    the checkout the package was installed from."""
    for folder in (start or Path.cwd(), Path(__file__).resolve().parent.parent):
        p = folder / name
        if p.exists():
            return p
    return None


def load_yaml(path: Path | None) -> dict:
    if path is None:
        return {}
    with open(path, encoding="utf-8") as fp:
        return yaml.safe_load(fp) or {}


def datasette_app(db_path: str | Path, metadata: Path | None = None, config: Path | None = None, **kwargs):
    """A Datasette instance over the database with the project's metadata and configuration, for tests and
    for embedding; `tracker serve` runs the same files through Datasette's own server."""
    from datasette.app import Datasette

    metadata = metadata or find_config("metadata.yml")
    config = config or find_config("datasette.yaml")
    return Datasette(
        [str(db_path)], metadata=load_yaml(metadata), config=load_yaml(config), **kwargs
    )


def serve_command(db_path: str | Path, host: str, port: int, extra: tuple[str, ...] = ()) -> list[str]:
    cmd = [sys.executable, "-m", "datasette", "serve", str(db_path), "--host", host, "--port", str(port)]
    metadata, config = find_config("metadata.yml"), find_config("datasette.yaml")
    if metadata:
        cmd += ["--metadata", str(metadata)]
    if config:
        cmd += ["--config", str(config)]
    return cmd + list(extra)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, extra: tuple[str, ...] = ()) -> int:
    """Run Datasette in the foreground until interrupted; returns its exit code."""
    try:
        return subprocess.call(serve_command(db_path, host, port, extra))
    except KeyboardInterrupt:
        return 0
