"""`morelike serve`: run the HTTP service under gunicorn with the checked-in configuration.

Flags and `MORELIKE_*` variables are the same settings; flags win. The settings
are checked before gunicorn starts, so a malformed value is one clear line and
exit status 2. Then the process becomes gunicorn (exec), which is what a
container's init process should signal.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

import click

from indexer.cli import data_dir_option, fail
from indexer.snapshot import ARTICLES_FILE, readable_current, snapshots_dir
from service.settings import Settings, SettingsError, load_settings

DEFAULT_CONFIG = "python:service.gunicorn_conf"


def example_id(data_dir: Path) -> str | None:
    """An article id of the current snapshot, for the curl line (None when there is none)."""
    version = readable_current(data_dir)
    if version is None:
        return None
    path = snapshots_dir(data_dir) / version / ARTICLES_FILE
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT id FROM articles ORDER BY row LIMIT 1").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def banner(settings: Settings) -> list[str]:
    """What to try once the server is up."""
    host = settings.host
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    elif ":" in host:
        host = f"[{host}]"
    base = f"http://{host}:{settings.port}"
    lines = [
        f"Morelike on {base}  ({settings.workers} worker(s), data dir {settings.data_dir})",
    ]
    article = example_id(settings.data_dir)
    if article is None:
        lines.append(
            f"No snapshot yet in {settings.data_dir}: the API answers 503 until "
            "`morelike build` makes one (it is picked up without a restart)."
        )
    else:
        from urllib.parse import quote

        lines.append(f"Try:  curl '{base}/v1/articles/{quote(article, safe='')}/related?limit=4'")
    lines.append(f"Docs: {base}/docs/swagger   Health: {base}/readyz")
    return lines


@click.command("serve")
@data_dir_option
@click.option("--host", default=None, help="Address to bind (MORELIKE_HOST, default 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="MORELIKE_PORT (8000).")
@click.option("--workers", type=click.IntRange(1), default=None, help="MORELIKE_WORKERS (2).")
@click.option("--threads", type=click.IntRange(1), default=None, help="MORELIKE_THREADS (4).")
@click.option("--redis-url", default=None, help="Shared cache (MORELIKE_REDIS_URL).")
@click.option(
    "--config",
    "gunicorn_config",
    envvar="MORELIKE_GUNICORN_CONFIG",
    default=DEFAULT_CONFIG,
    show_default=True,
    help="gunicorn configuration (a file, or python:module).",
)
def serve(
    data_dir: Path,
    host: str | None,
    port: int | None,
    workers: int | None,
    threads: int | None,
    redis_url: str | None,
    gunicorn_config: str,
) -> None:
    """Serve related articles over HTTP (gunicorn), reloading new snapshots by itself."""
    flags = {
        "DATA_DIR": str(data_dir.resolve()),
        "HOST": host,
        "PORT": port,
        "WORKERS": workers,
        "THREADS": threads,
        "REDIS_URL": redis_url,
    }
    for name, value in flags.items():
        if value is not None:
            os.environ[f"MORELIKE_{name}"] = str(value)
    try:
        settings = load_settings()
    except SettingsError as exc:
        fail(str(exc))
        return
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="morelike-metrics-")
    for line in banner(settings):
        click.echo(line)
    sys.stdout.flush()
    argv = [sys.executable, "-m", "gunicorn", "-c", gunicorn_config]
    os.execv(sys.executable, argv)
