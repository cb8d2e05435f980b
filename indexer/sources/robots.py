"""robots.txt, honoured for every page a sitemap makes us crawl.

Parsed with Protego (Scrapy's parser: wildcards, `Allow`/`Disallow` precedence,
`Crawl-delay`, `Sitemap:` lines), fetched once per origin with our user agent.
As RFC 9309 says: a 4xx robots.txt allows everything, one that cannot be had
(5xx, unreachable, timeout) disallows everything for this run.
"""

from __future__ import annotations

import logging
import threading

from protego import Protego

from indexer.sources.fetch import Fetcher, FetchError, origin

logger = logging.getLogger(__name__)

_ALLOW_ALL = ""
_DISALLOW_ALL = "User-agent: *\nDisallow: /\n"


class Robots:
    """robots.txt rules per origin, for one user agent."""

    def __init__(self, fetcher: Fetcher) -> None:
        self._fetcher = fetcher
        self._agent = fetcher.options.user_agent
        self._rules: dict[tuple[str, str, int | None], Protego] = {}
        self._lock = threading.Lock()

    def _for(self, url: str) -> Protego:
        key = origin(url)
        with self._lock:
            rules = self._rules.get(key)
            if rules is None:
                rules = self._rules[key] = Protego.parse(self._fetch(url))
            return rules

    def _fetch(self, url: str) -> str:
        scheme, host, port = origin(url)
        robots_url = f"{scheme}://{host}{f':{port}' if port else ''}/robots.txt"
        try:
            return self._fetcher.get(robots_url).content.decode("utf-8", errors="replace")
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return _ALLOW_ALL
            logger.warning("%s: robots.txt unavailable (%s): not crawling", robots_url, exc)
            return _DISALLOW_ALL

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch `url`."""
        return bool(self._for(url).can_fetch(url, self._agent))

    def delay(self, url: str) -> float:
        """The Crawl-delay for our user agent at `url`'s origin (0 when none)."""
        return float(self._for(url).crawl_delay(self._agent) or 0.0)

    def sitemaps(self, url: str) -> list[str]:
        """The `Sitemap:` URLs robots.txt lists for `url`'s origin."""
        return list(self._for(url).sitemaps)
