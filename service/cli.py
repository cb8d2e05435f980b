"""The `morelike` console command: the indexer's commands plus the service's."""

from __future__ import annotations

from indexer.cli import cli


def main() -> None:
    """Entry point of the `morelike` console script."""
    cli()
