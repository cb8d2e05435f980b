"""The `morelike` console command: the indexer's commands plus the service's."""

from __future__ import annotations

from indexer.cli import cli
from service.evaluate import eval_cmd
from service.serve import serve

cli.add_command(eval_cmd)
cli.add_command(serve)


def main() -> None:
    """Entry point of the `morelike` console script."""
    cli()
