"""Publish the database with Datasette, configured from the project's metadata.yml and datasette.yaml."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

DEFAULT_ARTICLES = "data/articles"


def find_config(name: str, start: Path | None = None) -> Path | None:
    """metadata.yml / datasette.yaml from the working folder (where a user runs `tracker serve`), else from
    the checkout the package was installed from."""
    for folder in (start or Path.cwd(), Path(__file__).resolve().parents[2]):
        p = folder / name
        if p.exists():
            return p
    return None


def load_yaml(path: Path | None) -> dict:
    if path is None:
        return {}
    with open(path, encoding="utf-8") as fp:
        return yaml.safe_load(fp) or {}


CONFIG_DATABASE = "tracker"  # the database name metadata.yml and datasette.yaml are written for


def for_database(data: dict, name: str) -> dict:
    """The configuration re-keyed for a database with another name: Datasette names a database after its
    file, so `tracker serve --db other.db` would otherwise lose its facets, queries and descriptions."""
    if name == CONFIG_DATABASE or CONFIG_DATABASE not in (data.get("databases") or {}):
        return data
    data = dict(data)
    data["databases"] = {**data["databases"], name: data["databases"][CONFIG_DATABASE]}
    del data["databases"][CONFIG_DATABASE]
    plugin = (data.get("plugins") or {}).get("tracker")
    if isinstance(plugin, dict):
        data["plugins"] = {**data["plugins"], "tracker": {**plugin, "database": name}}
    return data


def datasette_app(db_path: str | Path, metadata: Path | None = None, config: Path | None = None, **kwargs):
    """A Datasette instance over the database with the project's metadata and configuration, for tests and
    for embedding; `tracker serve` runs the same files through Datasette's own server."""
    from datasette.app import Datasette

    name = Path(db_path).stem
    metadata_data = for_database(load_yaml(metadata or find_config("metadata.yml")), name)
    config_data = for_database(load_yaml(config or find_config("datasette.yaml")), name)
    return Datasette([str(db_path)], metadata=metadata_data, config=config_data, **kwargs)


def serve_command(
    db_path: str | Path, host: str, port: int, extra: tuple[str, ...] = (), *, workdir: Path
) -> list[str]:
    """Datasette's command line for the database. For a database not named "tracker", the config is rewritten for
    its name into the folder `workdir`, which the caller removes when Datasette has stopped."""
    cmd = [sys.executable, "-m", "datasette", "serve", str(db_path), "--host", host, "--port", str(port)]
    name = Path(db_path).stem
    for option, filename in (("--metadata", "metadata.yml"), ("--config", "datasette.yaml")):
        path = find_config(filename)
        if path is None:
            continue
        if name != CONFIG_DATABASE:
            data = for_database(load_yaml(path), name)
            path = workdir / filename
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        cmd += [option, str(path)]
    return cmd + list(extra)


SECRET_ENV = "DATASETTE_SECRET"


def secret_path(db_path: str | Path) -> Path:
    """Where `tracker serve` keeps the signing secret for a database: next to it (data/tracker.secret)."""
    return Path(db_path).with_suffix(".secret")


def secret_for(db_path: str | Path) -> str:
    """The secret that signs login cookies and API tokens: DATASETTE_SECRET when set, else the one kept next to
    the database, made on first use. Without a fixed secret Datasette invents one per start, so every restart
    would log everyone out and void every token. The file is created owner-only (0600) in one step, so it is
    never readable by others, not even for a moment."""
    if os.environ.get(SECRET_ENV):
        return os.environ[SECRET_ENV]
    path = secret_path(db_path)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        kept = path.read_text(encoding="utf-8").strip()
        if kept:
            return kept
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC)  # an empty file (an interrupted first write): fill it
    secret = secrets.token_hex(32)
    with os.fdopen(fd, "w", encoding="utf-8") as fp:
        fp.write(secret + "\n")
    return secret


def port_in_use(host: str, port: int) -> bool:
    """True when something already listens on host:port. Checked by binding, as the server will, so that
    `tracker serve` can say so before it builds or starts anything (Datasette would print its URL and then
    fail with errno 98). SO_REUSEADDR, as uvicorn sets it, so a port left in TIME_WAIT still counts as free."""
    if port == 0:
        return False
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror:
        return False  # an unknown host name: let the server report it in its own words
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as e:
            return e.errno == errno.EADDRINUSE  # not a local address, or a privileged port: the server says so
    return False


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, extra: tuple[str, ...] = ()) -> int:
    """Run Datasette in the foreground until interrupted or stopped, signing with secret_for(db_path); returns its
    exit code. The secret goes through the environment, not the command line, where `ps` would show it.

    Datasette runs as a child process. A stop sent to `tracker serve` alone (SIGTERM from `kill`, systemd,
    Docker or a supervisor; SIGHUP when its terminal closes) is passed on to it: left running, it would keep
    the port and serve on with no parent. Ctrl-C reaches both already (the terminal signals the whole group)."""
    env = {**os.environ, SECRET_ENV: secret_for(db_path)}
    workdir = Path(tempfile.mkdtemp(prefix="tracker-"))  # the config rewritten for another name, removed after
    try:
        proc = subprocess.Popen(serve_command(db_path, host, port, extra, workdir=workdir), env=env)
        return _wait_passing_on_stops(proc)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# (SIGHUP is not on Windows)
_STOPS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_STOPPED = {-s for s in (*_STOPS, signal.SIGINT)}  # the exit codes of a child ended by one of them


def _wait_passing_on_stops(proc: subprocess.Popen) -> int:
    """Wait for `proc`, sending it each stop signal this process gets; Ctrl-C waits for it to finish. Returns its
    exit code, or 0 when it ended because it was stopped (Datasette exits with 1 after a Ctrl-C)."""
    stopped = []

    def pass_on(signum, frame):
        stopped.append(signum)
        proc.send_signal(signum)

    # (a handler can only be set from the main thread: called from another, the stops are not passed on)
    main = threading.current_thread() is threading.main_thread()
    previous = {s: signal.signal(s, pass_on) for s in _STOPS} if main else {}
    try:
        while True:
            try:
                code = proc.wait()
                break
            except KeyboardInterrupt:
                stopped.append(signal.SIGINT)  # the child got the same Ctrl-C and is shutting down: wait for it
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    return 0 if stopped or code in _STOPPED else code
