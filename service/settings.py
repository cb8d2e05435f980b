"""The service's settings: `MORELIKE_*` environment variables read once into one typed object.

Defaults serve a demo on one machine with no other service (no Redis: an
in-process cache). A malformed value stops start-up with a message that names
the variable, never a half-configured server.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from indexer.clean import Limits
from service.ranking.settings import RankingSettings

ENV_PREFIX = "MORELIKE_"
RANK_PREFIX = "MORELIKE_RANK_"


class SettingsError(ValueError):
    """A `MORELIKE_*` variable (or override) that cannot be used; the message names it."""


class Settings(BaseSettings):
    """Everything the HTTP service and its gunicorn configuration read."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, extra="ignore", frozen=True, validate_default=True
    )

    # Where snapshots are and how often CURRENT is checked.
    data_dir: Path = Path("var/data")
    reload_interval: float = Field(2.0, gt=0, le=3600, description="Seconds between CURRENT checks")
    model: str | None = Field(
        None, description="Embedding model for POST (default: the snapshot's)"
    )
    preload_model: bool = Field(
        True, description="Load the model when a worker starts (false: on the first POST)"
    )
    model_wait_seconds: float = Field(
        120.0,
        ge=0,
        description="A starting worker waits this long for its model before it serves",
    )

    # gunicorn
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(2, ge=1, le=64)
    threads: int = Field(4, ge=1, le=256)
    timeout: int = Field(30, ge=1, description="Seconds before a silent worker is restarted")
    graceful_timeout: int = Field(30, ge=1)
    keepalive: int = Field(5, ge=0)
    request_read_timeout: float = Field(
        10.0, gt=0, le=300, description="Seconds a client has to send a whole request (then 408)"
    )
    max_requests: int = Field(20_000, ge=0, description="Restart a worker after this many")
    max_requests_jitter: int = Field(2_000, ge=0)
    access_log: bool = True
    log_level: str = "info"

    # Cache
    redis_url: str | None = Field(None, description="Shared cache; unset: in-process LRU only")
    redis_timeout: float = Field(0.05, gt=0, le=10, description="Redis socket timeout, seconds")
    redis_backoff_max: float = Field(30.0, gt=0, description="Longest wait before a retry")
    cache_ttl: int = Field(3600, ge=1, description="Seconds a computed list is kept")
    cache_size: int = Field(10_000, ge=0, description="Entries of the in-process LRU")
    key_prefix: str = Field("morelike:", min_length=1)

    # HTTP
    http_max_age: int = Field(300, ge=0, description="Cache-Control max-age, seconds")
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    max_body_bytes: int = Field(1_000_000, ge=1_024)
    # POST /v1/related cleans and embeds on the request path: bound every step.
    post_max_chars: int = Field(
        500_000, ge=1_000, description="Longest `text` or `html` a POST may send (then 413)"
    )
    post_max_elements: int = Field(
        10_000, ge=100, description="Most HTML elements in a POSTed body (then 422)"
    )
    post_max_depth: int = Field(
        100, ge=8, le=255, description="Deepest HTML nesting in a POSTed body (then 422)"
    )
    post_max_words: int = Field(
        2_000, ge=50, description="Words of a POSTed text that are embedded: the first ones"
    )
    post_max_passages: int = Field(
        3,
        ge=1,
        description=(
            "Passages embedded for a POSTed text (head and evenly spread ones; the "
            "snapshot's recipe has up to 4): 3 keeps 96% of lists identical, 99% of items"
        ),
    )
    post_extract_seconds: float = Field(
        1.0, gt=0, le=30, description="Time for main-text extraction, then a plain tag strip"
    )

    # Live updates (admin API, journal)
    admin_token: SecretStr | None = Field(
        None, description="Bearer token for the admin API; unset: changes are refused (403)"
    )
    journal_interval: float = Field(
        0.5, gt=0, le=60, description="Seconds between a worker's checks of the journal"
    )
    max_batch: int = Field(500, ge=1, le=10_000, description="Articles in one batch request")

    # Ranking knobs: their own prefix, MORELIKE_RANK_*.
    ranking: RankingSettings = Field(default_factory=RankingSettings)

    # The block on the page (service/page.py) and its events (service/events.py).
    page_headings: dict[str, str] = Field(
        default_factory=dict,
        description="Heading of the block by language, JSON; merged over the built-in en/de/fr",
    )
    page_date_format: str = Field(
        "medium", description="Card dates: a Babel format (short, medium, long, full) or pattern"
    )
    page_teaser_chars: int = Field(
        160, ge=40, le=1_000, description="Longest teaser, cut on a word"
    )
    demo: bool = Field(False, description="Serve sample article pages with the block at /demo")
    events_enabled: bool = Field(True, description="Accept impressions and clicks at /v1/events")
    events_rate: str = Field(
        "300/minute", description="Event requests per client and worker (`limits` notation)"
    )
    events_max_bytes: int = Field(8_192, ge=512, le=1_000_000, description="Largest event body")
    events_retention_days: int = Field(
        90, ge=1, le=3_660, description="Days the hourly event counts are kept in Redis"
    )
    trusted_proxy_hops: int = Field(
        0, ge=0, le=10, description="Proxies in front that append X-Forwarded-For (rate limiting)"
    )

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
        return value

    @field_validator("cors_origins")
    @classmethod
    def _check_origins(cls, value: list[str]) -> list[str]:
        for origin in value:
            if origin != "*" and not origin.startswith(("http://", "https://")):
                raise ValueError(f"{origin!r} is not an origin like https://www.example.com")
        return value

    @field_validator("redis_url")
    @classmethod
    def _check_redis_url(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        from redis.connection import parse_url

        try:
            parse_url(value.strip())
        except ValueError as exc:
            raise ValueError(f"not a Redis URL ({exc})") from exc
        return value.strip()

    @field_validator("log_level")
    @classmethod
    def _check_log_level(cls, value: str) -> str:
        levels = ("debug", "info", "warning", "error", "critical")
        if value.lower() not in levels:
            raise ValueError(f"must be one of {', '.join(levels)}")
        return value.lower()

    @field_validator("model")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value or None

    @field_validator("page_headings")
    @classmethod
    def _check_headings(cls, value: dict[str, str]) -> dict[str, str]:
        for language, text in value.items():
            if not language.strip() or not text.strip():
                raise ValueError(f"heading {language!r}: {text!r} needs a language and a text")
        return {k.strip().lower(): v.strip() for k, v in value.items()}

    @field_validator("page_date_format")
    @classmethod
    def _check_date_format(cls, value: str) -> str:
        from datetime import date

        from babel.dates import format_date

        try:
            format_date(date(2024, 12, 5), format=value, locale="en")
        except (ValueError, KeyError, AttributeError) as exc:  # a time field in a date pattern
            raise ValueError(
                "not a Babel date format: short, medium, long, full or a pattern"
            ) from exc
        return value

    @field_validator("events_rate")
    @classmethod
    def _check_rate(cls, value: str) -> str:
        from limits import parse

        try:
            parse(value)
        except ValueError as exc:
            raise ValueError("not a rate like 120/minute or 10/second") from exc
        return value


def post_limits(settings: Settings) -> Limits:
    """The bounds of cleaning a text on the request path (POST and the admin API)."""
    return Limits(
        max_chars=settings.post_max_chars,
        max_elements=settings.post_max_elements,
        max_depth=settings.post_max_depth,
        max_words=settings.post_max_words,
        extract_seconds=settings.post_extract_seconds,
    )


def describe(error: ValidationError, prefix: str = ENV_PREFIX) -> str:
    """One line per bad setting, named by its environment variable."""
    lines = []
    for err in error.errors():
        name = prefix + "_".join(str(p) for p in err["loc"]).upper()
        shown = err.get("input")
        value = f" (got {shown!r})" if isinstance(shown, str | int | float) else ""
        lines.append(f"{name}: {err['msg']}{value}")
    return "; ".join(lines)


def load_settings(**overrides: Any) -> Settings:
    """Read the environment (plus overrides); raises `SettingsError` naming what is wrong."""
    if "ranking" not in overrides:
        try:
            overrides["ranking"] = RankingSettings()
        except ValidationError as exc:
            raise SettingsError(f"invalid settings: {describe(exc, RANK_PREFIX)}") from exc
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingsError(f"invalid settings: {describe(exc)}") from exc


def load_settings_or_exit(**overrides: Any) -> Settings:
    """`load_settings` for a process entry point: a bad setting is one line and exit 2."""
    try:
        return load_settings(**overrides)
    except SettingsError as exc:
        sys.stderr.write(f"error: {exc}\n")
        raise SystemExit(2) from None
