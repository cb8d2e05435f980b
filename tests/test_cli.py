"""One owner for the command line: `service.cli` lists every command, in any import order."""

from __future__ import annotations

import subprocess
import sys

import click

EXPECTED = {"build", "info", "list", "verify", "rollback", "serve", "eval", "report", "sync"}


def test_the_group_lists_every_command() -> None:
    from service.cli import cli

    assert set(cli.commands) == EXPECTED


def test_importing_a_module_adds_no_command() -> None:
    """The indexer's module defines commands but no group; the answer is the same fresh."""
    code = (
        "import click, indexer.cli as i; "
        "assert not any(isinstance(v, click.Group) for v in vars(i).values()); "
        "from service.cli import cli; print(','.join(sorted(cli.commands)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert set(out.stdout.strip().split(",")) == EXPECTED
    import indexer.cli

    assert not [v for v in vars(indexer.cli).values() if isinstance(v, click.Group)]
