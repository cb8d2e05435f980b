"""What every content source offers, the options they share, and credential hygiene.

A source yields raw article dicts (`SourceRow`, the shape `indexer.readers` yields
for files, with a location for error reports) or located problems
(`SourceProblem`, counted by `kind` in the build summary). For `morelike sync`
each source also answers "what changed since cursor X" (`changes`) and, where it
can list everything it holds, "which ids exist now" (`ids`), so that a source
without deletion events can be reconciled.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

from pydantic import SecretStr

from indexer.readers import SourceError, SourceProblem, SourceRow

__all__ = [
    "Changes",
    "Credentials",
    "Item",
    "Source",
    "SourceError",
    "SourceOptions",
    "SourceProblem",
    "SourceRow",
    "redact_url",
    "scrub",
    "split_credentials",
]

Item = SourceRow | SourceProblem

DEFAULT_USER_AGENT = "morelike/0.1 (related-articles indexer)"
PASSWORD_ENV = "MORELIKE_SOURCE_PASSWORD"


@dataclass(frozen=True)
class Credentials:
    """A user name and a secret for a source; the secret never prints (`SecretStr`)."""

    user: str | None = None
    password: SecretStr | None = None

    def __bool__(self) -> bool:
        return self.user is not None or self.password is not None

    @classmethod
    def resolve(
        cls,
        user: str | None = None,
        password_file: Path | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> Credentials:
        """Credentials from the environment (`MORELIKE_SOURCE_PASSWORD`) or a file.

        The file (e.g. a mounted Kubernetes secret) wins over the variable; a
        password never comes from a command-line flag, where `ps` would show it.
        """
        environ = os.environ if environ is None else environ
        secret = environ.get(PASSWORD_ENV) or None
        if password_file is not None:
            try:
                secret = password_file.read_text(encoding="utf-8").rstrip("\r\n")
            except OSError as exc:
                raise SourceError(
                    f"cannot read the password file {password_file}: {exc.strerror or exc}"
                ) from exc
        return cls(user or None, SecretStr(secret) if secret else None)

    def over(self, fallback: Credentials) -> Credentials:
        """These credentials, with `fallback` filling what they lack."""
        return Credentials(self.user or fallback.user, self.password or fallback.password)

    def secrets(self) -> list[str]:
        """The secret strings to scrub from any message."""
        return [self.password.get_secret_value()] if self.password else []


@dataclass(frozen=True)
class SourceOptions:
    """How sources fetch and query: one typed object, filled once from flags or env."""

    query: str | None = None
    user_agent: str = DEFAULT_USER_AGENT
    concurrency: int = 8
    timeout: float = 15.0
    retries: int = 3
    backoff: float = 0.5
    max_pages: int = 1000
    max_bytes: int = 20_000_000
    credentials: Credentials = field(default_factory=Credentials)
    # Where conditional-request validators and extracted pages are kept between
    # runs (the data dir's cache); None keeps them in memory for one run.
    state_dir: Path | None = None


@dataclass
class Changes:
    """What changed at a source since a cursor.

    `items`: new or edited records (an unpublished one carries its `status`);
    `deleted`: ids the source reports as gone; `cursor`: opaque, to pass back.
    """

    items: list[Item]
    deleted: list[str]
    cursor: str


@runtime_checkable
class Source(Protocol):
    """A content source: full reads for `build`, increments and id listings for `sync`."""

    kind: str
    name: str  # the spec without secrets: safe for logs, errors and the manifest

    def records(self) -> Iterator[Item]:
        """Every article the source holds, as raw records or located problems."""
        ...

    def changes(self, cursor: str | None) -> Changes:
        """What changed since `cursor` (None: everything), and the cursor to keep."""
        ...

    def ids(self) -> set[str] | None:
        """Every id the source holds now, or None when it cannot list them all.

        Raises `SourceError` rather than return a partial set: a missing id
        would be taken for a deletion.
        """
        ...

    def close(self) -> None:
        """Release connections and state files."""
        ...


def split_credentials(url: str) -> tuple[str, Credentials]:
    """The URL without user info, and the credentials it carried."""
    parts = urlsplit(url)
    if parts.username is None and parts.password is None:
        return url, Credentials()
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    clean = urlunsplit(SplitResult(parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    password = unquote(parts.password) if parts.password else None
    return clean, Credentials(
        unquote(parts.username) if parts.username else None,
        SecretStr(password) if password else None,
    )


def redact_url(url: str) -> str:
    """The URL with any password replaced by `***` (the user name is kept)."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    user = parts.username or ""
    netloc = f"{user}:***@" + parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(SplitResult(parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def scrub(text: str, secrets: list[str]) -> str:
    """`text` with every secret replaced by `***` (errors from drivers may echo them)."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    return text
