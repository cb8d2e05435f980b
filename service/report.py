"""`morelike report`: click-through rate of the block by position, reason and section.

It reads what `service.events` counted: with Redis (`MORELIKE_REDIS_URL`), the
hourly counts of the period asked for; without it, the service's `/metrics`
(`--metrics-url`), whose counters hold everything since its workers started, by
position, reason and section, with no period. CTR is clicks per card impression.
Tables are drawn by `tabulate`.
"""

from __future__ import annotations

import re
import urllib.request
from collections import Counter
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import click
from tabulate import tabulate

from indexer.cli import fail
from service.settings import SettingsError, load_settings

if TYPE_CHECKING:
    from service.events import Key

PERIOD = re.compile(r"^\s*(\d+)\s*([hd])\s*$")
DIMENSIONS = {"position": 2, "reason": 3, "section": 1}  # index in a count's key


def hours_of(period: str) -> int:
    """Hours in a period written `24h` or `7d`; a clear error otherwise."""
    match = PERIOD.match(period)
    if not match or int(match.group(1)) == 0:
        raise click.BadParameter(f"{period!r}: give hours or days, like 24h or 7d")
    n = int(match.group(1))
    return n * 24 if match.group(2) == "d" else n


def shown_url(url: str) -> str:
    """A URL without its credentials, for the report's heading."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def table(counts: Counter[Key], dimension: str) -> str:
    """Impressions, clicks and CTR by one dimension, with a total row.

    Positions go in order; reasons and sections by impressions, the most seen first.
    """
    index = DIMENSIONS[dimension]
    shown: dict[str | int, list[int]] = {}
    for key, n in counts.items():
        row = shown.setdefault(key[index], [0, 0])
        row[0 if key[0] == "impression" else 1] += n
    if dimension == "position":
        order = sorted(shown.items(), key=lambda kv: int(kv[0]))
    else:
        order = sorted(shown.items(), key=lambda kv: (-kv[1][0], str(kv[0])))
    rows: list[list[object]] = [[value, i, c, ctr(c, i)] for value, (i, c) in order]
    impressions = sum(i for i, _ in shown.values())
    clicks = sum(c for _, c in shown.values())
    rows.append(["all", impressions, clicks, ctr(clicks, impressions)])
    return tabulate(
        rows,
        headers=[dimension, "impressions", "clicks", "CTR"],
        colalign=("left", "right", "right", "right"),
    )


def ctr(clicks: int, impressions: int) -> str:
    """Clicks per impression as a percentage, `-` without impressions."""
    return f"{100 * clicks / impressions:.1f}%" if impressions else "-"


def from_metrics(text: str) -> dict[str, Counter[Key]]:
    """Counts by dimension from the Prometheus text of `/metrics`: positions and reasons
    from one counter, sections from another (the counters do not cross them)."""
    from prometheus_client.parser import text_string_to_metric_families

    by_card: Counter[Key] = Counter()
    by_section: Counter[Key] = Counter()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            labels = sample.labels
            if sample.name == "morelike_events_total":
                key = (labels["type"], "", int(labels["position"]), labels["reason"])
                by_card[key] += int(sample.value)
            elif sample.name == "morelike_events_by_section_total":
                by_section[(labels["type"], labels["section"], 0, "")] += int(sample.value)
    return {"position": by_card, "reason": by_card, "section": by_section}


def render(counts: dict[str, Counter[Key]]) -> str:
    """One table per dimension, blank lines between."""
    return "\n\n".join(table(counts[d], d) for d in DIMENSIONS)


@click.command("report")
@click.option("--since", "period", default="7d", show_default=True, help="Period: 24h, 7d, 30d...")
@click.option("--redis-url", default=None, help="Where the service counts (MORELIKE_REDIS_URL).")
@click.option("--key-prefix", default=None, help="The service's MORELIKE_KEY_PREFIX.")
@click.option(
    "--metrics-url",
    default=None,
    help="Without Redis: the service's /metrics (totals since its workers started).",
)
def report_cmd(
    period: str, redis_url: str | None, key_prefix: str | None, metrics_url: str | None
) -> None:
    """Click-through rate of the related block by position, reason and section."""
    overrides = {"redis_url": redis_url, "key_prefix": key_prefix}
    try:
        settings = load_settings(**{k: v for k, v in overrides.items() if v is not None})
    except SettingsError as exc:
        fail(str(exc))
        return
    if metrics_url:
        try:
            with urllib.request.urlopen(metrics_url, timeout=10) as response:
                counts = from_metrics(response.read().decode())
        except OSError as exc:
            fail(f"cannot read {shown_url(metrics_url)}: {exc}")
            return
        click.echo(f"Events since the workers of {shown_url(metrics_url)} started\n")
    elif settings.redis_url:
        import redis

        from service.events import read_counts, since

        hours = since(hours_of(period))
        client = redis.Redis.from_url(settings.redis_url, socket_timeout=5)
        try:
            total = read_counts(client, settings.key_prefix, hours)
        except (redis.RedisError, OSError) as exc:
            fail(f"cannot read the counts from {shown_url(settings.redis_url)}: {exc}")
            return
        click.echo(
            f"Events {hours[0]:%Y-%m-%d %H:00} to {hours[-1]:%Y-%m-%d %H:59} UTC "
            f"({shown_url(settings.redis_url)}, keys {settings.key_prefix}events:*)\n"
        )
        counts = dict.fromkeys(DIMENSIONS, total)
    else:
        fail("no counts to read: set MORELIKE_REDIS_URL (or --redis-url), or give --metrics-url")
        return
    if not any(counts.values()):
        click.echo("No events in this period.")
        return
    click.echo(render(counts))
