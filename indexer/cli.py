"""The write side's commands: `morelike build`, `info`, `verify`, `rollback`, `list`.

Options read `MORELIKE_<NAME>` from the environment, the same names as the flags.
The commands are plain click commands; the `morelike` group that lists every
command lives in `service.cli` (the service may import the indexer, never the
reverse), so importing this module adds nothing anywhere.
"""

from __future__ import annotations

import json
import logging
import re
import signal
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from indexer.build import BuildError, BuildOptions, BuildReport, build
from indexer.distributed.cluster import NODE_WAIT
from indexer.embedder import DEFAULT_BACKEND, Embedder
from indexer.encoders import BACKENDS
from indexer.snapshot import (
    SnapshotError,
    current_version,
    list_versions,
    read_manifest,
    readable_current,
    rollback,
    snapshots_dir,
    verify,
)
from indexer.sources import Credentials, SourceError, SourceOptions
from indexer.sources.base import DEFAULT_USER_AGENT
from indexer.sync import SyncError, sync_once

logger = logging.getLogger(__name__)

data_dir_option = click.option(
    "--data-dir",
    envvar="MORELIKE_DATA_DIR",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("var/data"),
    show_default=True,
    help="Where snapshots live (MORELIKE_DATA_DIR).",
)


def fail(message: str) -> None:
    """One-line error on stderr and exit status 2."""
    click.echo(f"error: {message}", err=True)
    sys.exit(2)


def source_options(command: Any) -> Any:
    """The options of every command that reads a source (`build`, later `sync`)."""
    options = [
        click.option(
            "--source",
            envvar="MORELIKE_SOURCE",
            required=True,
            help="A JSONL/CSV file or a folder of pages; a feed URL; sitemap+https://...; "
            "wordpress+https://...; or a database URL with --query (MORELIKE_SOURCE).",
        ),
        click.option(
            "--query",
            envvar="MORELIKE_QUERY",
            default=None,
            help="SQL whose columns are named as article fields (MORELIKE_QUERY).",
        ),
        click.option(
            "--user-agent",
            envvar="MORELIKE_USER_AGENT",
            default=DEFAULT_USER_AGENT,
            show_default=True,
            help="User agent for feeds, sitemaps and WordPress (MORELIKE_USER_AGENT).",
        ),
        click.option(
            "--fetch-concurrency",
            envvar="MORELIKE_FETCH_CONCURRENCY",
            default=8,
            show_default=True,
            type=click.IntRange(1, 64),
            help="Pages fetched at once from a sitemap (MORELIKE_FETCH_CONCURRENCY).",
        ),
        click.option(
            "--fetch-timeout",
            envvar="MORELIKE_FETCH_TIMEOUT",
            default=15.0,
            show_default=True,
            type=click.FloatRange(0.1),
            help="Seconds to wait for a server (MORELIKE_FETCH_TIMEOUT).",
        ),
        click.option(
            "--source-user",
            envvar="MORELIKE_SOURCE_USER",
            default=None,
            help="User for the source (MORELIKE_SOURCE_USER); the password comes from "
            "MORELIKE_SOURCE_PASSWORD, --source-password-file or the URL.",
        ),
        click.option(
            "--source-password-file",
            envvar="MORELIKE_SOURCE_PASSWORD_FILE",
            default=None,
            type=click.Path(dir_okay=False, path_type=Path),
            help="File holding the source's password (MORELIKE_SOURCE_PASSWORD_FILE).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def make_source_options(
    query: str | None,
    user_agent: str,
    fetch_concurrency: int,
    fetch_timeout: float,
    source_user: str | None,
    source_password_file: Path | None,
) -> SourceOptions:
    """The typed source options from the flags (and their `MORELIKE_*` variables)."""
    return SourceOptions(
        query=query,
        user_agent=user_agent,
        concurrency=fetch_concurrency,
        timeout=fetch_timeout,
        credentials=Credentials.resolve(source_user, source_password_file),
    )


@click.command("build")
@source_options
@data_dir_option
@click.option("--strict", is_flag=True, envvar="MORELIKE_STRICT", help="Fail on any bad record.")
@click.option(
    "--keep", envvar="MORELIKE_KEEP", default=5, show_default=True, type=click.IntRange(1)
)
@click.option("--model", envvar="MORELIKE_MODEL", default=None, help="Local model directory.")
@click.option(
    "--backend",
    envvar="MORELIKE_BACKEND",
    type=click.Choice(BACKENDS),
    default=DEFAULT_BACKEND,
    show_default=True,
    help="Model runtime (MORELIKE_BACKEND); the service embeds POSTed texts with the same.",
)
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a tty).")
@click.option(
    "--doc-batch",
    envvar="MORELIKE_DOC_BATCH",
    default=256,
    show_default=True,
    type=click.IntRange(1),
    help="Articles per embedding batch, locally or per Ray task or call, cleaning and "
    "embedding (MORELIKE_DOC_BATCH).",
)
@click.option(
    "--ray",
    "ray_address",
    envvar="MORELIKE_RAY",
    default=None,
    metavar="ADDRESS",
    help="Clean and embed on the Ray cluster at HOST:PORT, or `auto` (MORELIKE_RAY; "
    "needs morelike[ray]).",
)
@click.option(
    "--ray-nodes",
    envvar="MORELIKE_RAY_NODES",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="With --ray: start once this many nodes with CPUs have joined (MORELIKE_RAY_NODES).",
)
@click.option(
    "--ray-wait",
    envvar="MORELIKE_RAY_WAIT",
    default=NODE_WAIT,
    show_default=True,
    type=click.FloatRange(0),
    help="With --ray: seconds to wait for those nodes, and for any node once all are "
    "lost, before the build fails (MORELIKE_RAY_WAIT).",
)
def build_cmd(
    source: str,
    data_dir: Path,
    strict: bool,
    keep: int,
    model: str | None,
    backend: str,
    progress: bool | None,
    doc_batch: int,
    ray_address: str | None,
    ray_nodes: int,
    ray_wait: float,
    **source_flags: Any,
) -> None:
    """Build a snapshot from SOURCE and make it current."""
    try:
        sources = make_source_options(**source_flags)
    except SourceError as exc:
        fail(str(exc))
        return
    options = BuildOptions(
        source=source,
        sources=sources,
        data_dir=data_dir,
        strict=strict,
        keep=keep,
        model=model,
        backend=backend,
        progress=sys.stderr.isatty() if progress is None else progress,
        doc_batch=doc_batch,
        ray_address=ray_address or None,
        ray_nodes=ray_nodes,
        ray_wait=ray_wait,
    )
    if options.ray_address:  # before reading anything: a head that is down fails at once
        from indexer.distributed import ClusterError, check_reachable

        try:
            check_reachable(options.ray_address)
        except ClusterError as exc:
            fail(str(exc))
    try:
        report = build(options)
    except BuildError as exc:
        fail(str(exc))
        return
    click.echo(summary(report))


def summary(report: BuildReport) -> str:
    """The end-of-build summary: counts, skips with reasons, seconds per stage."""
    lines = [
        f"snapshot {report.version} -> {report.path}",
        f"read {report.read} from {report.source}, indexed {report.indexed}"
        f", skipped {sum(report.skipped.values())}"
        f", embedded {report.embedded}, reused from cache {report.reused}",
        f"index {report.index_key}"
        + (f", recall@10 {report.recall_at_10:.3f}" if report.recall_at_10 is not None else ""),
    ]
    if report.skipped:
        reasons = ", ".join(f"{k}: {v}" for k, v in report.skipped.most_common())
        lines.append(f"skipped by reason: {reasons}")
        lines += [f"  {loc}: {why}" for loc, why in report.problems[:20]]
        if len(report.problems) > 20:
            lines.append(f"  ... and {len(report.problems) - 20} more")
    cluster = report.cluster
    if cluster is not None:
        nodes = cluster["nodes"]
        lines.append(
            f"ray {cluster['address']}: {len(nodes)} nodes"
            f", {cluster['retried_batches']} batches retried"
        )
        lines += [_node_line(n) for n in nodes]
    lines.append("seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in report.stages.items()))
    return "\n".join(lines)


def _node_line(node: dict[str, Any]) -> str:
    """One node's part of a Ray build: articles embedded and cleaned, with rates."""
    return (
        f"  node {node['node']}: {node['articles']} articles embedded"
        f", {node['articles_per_second']:.1f}/s"
        f"; {node.get('cleaned', 0)} cleaned, {node.get('cleaned_per_second', 0.0):.0f}/s"
        f"; {node['cpus']:g} cpus" + (" (lost)" if node["lost"] else "")
    )


def _snapshot_path(data_dir: Path, version: str | None) -> Path:
    try:
        version = version or current_version(data_dir)
    except SnapshotError as exc:
        fail(f"{exc} (name a snapshot with --version, or repair it with `morelike rollback`)")
    if version is None:
        fail(f"{data_dir}: no snapshot yet")
    return snapshots_dir(data_dir) / str(version)


@click.command("info")
@data_dir_option
@click.option("--version", "version", default=None, help="Snapshot version (default: current).")
def info_cmd(data_dir: Path, version: str | None) -> None:
    """Print a snapshot's manifest."""
    try:
        manifest: dict[str, Any] = read_manifest(_snapshot_path(data_dir, version))
    except SnapshotError as exc:
        fail(str(exc))
        return
    click.echo(json.dumps(manifest, indent=2, sort_keys=True))


@click.command("list")
@data_dir_option
def list_cmd(data_dir: Path) -> None:
    """List the kept snapshots, marking the current one."""
    current = readable_current(data_dir)
    for version in list_versions(data_dir):
        click.echo(f"{'*' if version == current else ' '} {version}")


@click.command("verify")
@data_dir_option
@click.option("--version", "version", default=None, help="Snapshot version (default: current).")
def verify_cmd(data_dir: Path, version: str | None) -> None:
    """Check every file of a snapshot against its manifest's checksums."""
    path = _snapshot_path(data_dir, version)
    try:
        problems = verify(path)
    except SnapshotError as exc:
        fail(str(exc))
        return
    if problems:
        fail(f"{path.name}: " + "; ".join(problems))
    click.echo(f"{path.name}: ok")


@click.command("rollback")
@data_dir_option
@click.option("--to", "to", default=None, help="Version to make current (default: previous).")
def rollback_cmd(data_dir: Path, to: str | None) -> None:
    """Make the previous (or a named) snapshot current again."""
    try:
        version = rollback(data_dir, to)
    except SnapshotError as exc:
        fail(str(exc))
        return
    click.echo(f"CURRENT -> {version}")


_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)?\s*$")
_UNIT = {"s": 1, "m": 60, "h": 3600, "d": 86_400, None: 1}


def parse_duration(value: str) -> float:
    """Seconds of `30s`, `5m`, `1h`, `1d` (a bare number is seconds)."""
    found = _DURATION.match(value)
    if found is None:
        raise click.BadParameter(f"{value!r} is not a duration such as 30s, 5m, 1h or 1d")
    return float(found.group(1)) * _UNIT[found.group(2)]


@click.command("sync")
@source_options
@data_dir_option
@click.option(
    "--every",
    envvar="MORELIKE_SYNC_EVERY",
    default=None,
    help="Keep running, syncing again after this long: 30s, 5m, 1h (MORELIKE_SYNC_EVERY).",
)
@click.option(
    "--reconcile-every",
    envvar="MORELIKE_RECONCILE_EVERY",
    default="24h",
    show_default=True,
    help="How often to compare every id at the source, to find deletions the source does "
    "not report (0: every sync).",
)
@click.option("--model", envvar="MORELIKE_MODEL", default=None, help="Local model directory.")
def sync_cmd(
    source: str,
    data_dir: Path,
    every: str | None,
    reconcile_every: str,
    model: str | None,
    **source_flags: Any,
) -> None:
    """Apply what changed at SOURCE since the last sync to the running service (the journal)."""
    interval = parse_duration(every) if every else None
    reconcile = parse_duration(reconcile_every)
    try:
        sources = make_source_options(**source_flags)
    except SourceError as exc:
        fail(str(exc))
        return
    sources = replace(sources, state_dir=data_dir / "cache")
    embedder = Embedder(model) if model else None
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    while True:
        try:
            report = sync_once(source, data_dir, sources, embedder, reconcile_every=reconcile)
        except SyncError as exc:
            if interval is None:
                fail(str(exc))
                return
            logger.error("sync failed: %s; trying again in %.0fs", exc, interval)
        else:
            click.echo(report.summary())
        if interval is None or stop.wait(interval):
            return
