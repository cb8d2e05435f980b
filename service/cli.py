"""The `morelike` console command: one group that lists every command.

The commands live with the half they belong to (`indexer.cli` for the write
side, `service.serve` and `service.report` for the read side); this module is
their only owner as a command line, so what `morelike` offers never depends on
what happened to be imported first. `morelike eval` joins both halves (a
throw-away build, then the service's ranking on it), so it lives here: nothing
else in `service` imports the build job.
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
from pathlib import Path

import click

from indexer.build import BuildError, BuildOptions, build
from indexer.cli import build_cmd, info_cmd, list_cmd, rollback_cmd, sync_cmd, verify_cmd
from indexer.embedder import Embedder
from indexer.snapshot import load_current
from service.evaluate import describe_profile, evaluate, parse_now, table
from service.report import report_cmd
from service.serve import serve


@click.command("eval")
@click.option(
    "--source",
    required=True,
    type=click.Path(exists=True, dir_okay=True, path_type=Path),
    help="Labeled articles (JSONL with `topic` and `story` fields).",
)
@click.option("--k", "k", default=4, show_default=True, type=click.IntRange(1, 50))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write JSON here.")
@click.option("--now", "now_text", default=None, help="Fixed now (ISO 8601; default: newest).")
@click.option("--model", envvar="MORELIKE_MODEL", default=None, help="Local model directory.")
def eval_cmd(
    source: Path, k: int, out: Path | None, now_text: str | None, model: str | None
) -> None:
    """Score the ranking and two baselines on labeled articles (a throw-away snapshot).

    Ranking settings come from MORELIKE_RANK_* variables, like the service's.
    """
    try:
        now = parse_now(now_text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--now") from exc
    with tempfile.TemporaryDirectory(prefix="morelike-eval-") as tmp:
        try:
            build(
                BuildOptions(source=source, data_dir=Path(tmp), progress=sys.stderr.isatty()),
                Embedder(model),
            )
        except BuildError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        snapshot = load_current(Path(tmp))
        try:
            result = evaluate(snapshot, k=k, now=now)
        finally:
            snapshot.close()
    result["source"] = str(source)
    click.echo(f"{result['articles']} articles, now {result['now']}")
    click.echo(describe_profile(result["profile"]))
    for split, figures in result["splits"].items():
        click.echo(f"\n{split}: {figures['queries']} queries")
        click.echo(table(result, split))
    if out is not None:
        out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
        click.echo(f"wrote {out}")


COMMANDS = (
    build_cmd,
    sync_cmd,
    info_cmd,
    list_cmd,
    verify_cmd,
    rollback_cmd,
    serve,
    eval_cmd,
    report_cmd,
)


@click.group(commands=COMMANDS)
@click.option("-v", "--verbose", is_flag=True, help="Debug logging.")
def cli(verbose: bool) -> None:
    """Morelike: related articles for article sites."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def main() -> None:
    """Entry point of the `morelike` console script."""
    cli()
