"""`morelike serve`: run the HTTP service under gunicorn, in this process.

Flags and `MORELIKE_*` variables are the same settings; flags win. They are read
once into one `Settings` object, checked before gunicorn starts (a malformed
value is one clear line and exit status 2), and handed to gunicorn's options and
to the app. This process becomes gunicorn's master, which is what a container's
init process signals.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

import click
from gunicorn.app.base import BaseApplication

from indexer.cli import data_dir_option, fail
from indexer.snapshot import ARTICLES_FILE, readable_current, snapshots_dir
from service.gunicorn_conf import options
from service.settings import Settings, SettingsError, load_settings


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


class ServiceApplication(BaseApplication):
    """gunicorn run in this process with options from one `Settings` object.

    gunicorn's documented way to embed it: the configuration and the app come
    from the object, not from a file that reads the environment again.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        super().__init__()

    def load_config(self) -> None:
        """gunicorn's settings from `service.gunicorn_conf.options`."""
        for name, value in options(self.settings).items():
            if name != "wsgi_app":
                self.cfg.set(name, value)

    def load(self) -> Any:
        """The app, built with the same settings (in the master: `preload_app`)."""
        from service import create_app

        return create_app(self.settings)


@click.command("serve")
@data_dir_option
@click.option("--host", default=None, help="Address to bind (MORELIKE_HOST, default 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="MORELIKE_PORT (8000).")
@click.option("--workers", type=click.IntRange(1), default=None, help="MORELIKE_WORKERS (2).")
@click.option("--threads", type=click.IntRange(1), default=None, help="MORELIKE_THREADS (4).")
@click.option("--redis-url", default=None, help="Shared cache (MORELIKE_REDIS_URL).")
def serve(
    data_dir: Path,
    host: str | None,
    port: int | None,
    workers: int | None,
    threads: int | None,
    redis_url: str | None,
) -> None:
    """Serve related articles over HTTP (gunicorn), reloading new snapshots by itself.

    Flags override the `MORELIKE_*` environment; the settings are read once here
    and handed to gunicorn and the app as one object.
    """
    flags = {
        "data_dir": data_dir.resolve(),
        "host": host,
        "port": port,
        "workers": workers,
        "threads": threads,
        "redis_url": redis_url,
    }
    try:
        settings = load_settings(**{k: v for k, v in flags.items() if v is not None})
    except SettingsError as exc:
        fail(str(exc))
        return
    for line in banner(settings):
        click.echo(line)
    sys.stdout.flush()
    ServiceApplication(settings).run()
