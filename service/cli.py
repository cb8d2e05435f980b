"""The `morelike` console command: one group that lists every command.

The commands live with the half they belong to (`indexer.cli` for the write
side, `service.serve` and `service.evaluate` for the read side); this module is
their only owner as a command line, so what `morelike` offers never depends on
what happened to be imported first.
"""

from __future__ import annotations

import logging
import sys

import click

from indexer.cli import build_cmd, info_cmd, list_cmd, rollback_cmd, sync_cmd, verify_cmd
from service.evaluate import eval_cmd
from service.report import report_cmd
from service.serve import serve

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
