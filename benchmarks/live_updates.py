"""Live updates: what a delta costs a query, and how soon a change is served everywhere.

    .venv/bin/python benchmarks/live_updates.py [--data-dir var/bench/live] [--delta 10000]

1. Delta cost (in-process, single-threaded as in a worker): the synthetic
   100,000-article snapshot of `ranking_overhead.py`, alone and with a journal of
   10,000 upserts (half new articles, half edits of existing ones) merged over it;
   uncached `related` p50/p99 for the same queries, alternating, and the ratio.
2. Upsert-to-visible (real `morelike serve`, 2 workers, on the small fixture
   snapshot, without and with Redis): time from the admin API's acknowledgement
   until 16 requests in a row on fresh connections serve the new article.
Figures only: nothing is asserted (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import numpy as np
from ranking_overhead import DIM, NOW, open_snapshot, percentile

from indexer.snapshot.journal import UPSERT, Journal, NewChange
from service.live import LiveSnapshot
from service.ranking import RankingSettings, related, resolve, source_from_row
from service.ranking.view import view_of

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "benchmark-admin-token"


def journal_of(data_dir: Path, count: int, base_count: int) -> Journal:
    """A journal of `count` upserts: half edits of base articles, half new ones."""
    journal = Journal(data_dir)
    if journal.last_seq() >= count:
        return journal
    rng = np.random.default_rng(7)
    vectors = rng.standard_normal((count, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    changes = []
    for i in range(count):
        article_id = f"a{rng.integers(0, base_count)}" if i % 2 else f"live-{i}"
        record = {
            "id": article_id,
            "title": f"live article {i}",
            "body": "",
            "url": f"https://example.test/live/{i}",
            "published_at": "2026-05-30T12:00:00+00:00",
            "section": "news",
            "language": "en",
            "status": "published",
            "tags": [],
            "sponsored": False,
        }
        changes.append(NewChange(article_id, UPSERT, record, f"live words {i} wab wac", vectors[i]))
    journal.append(changes, at=time.time())
    return journal


def delta_cost(data_dir: Path, delta: int, queries: int) -> None:
    """Uncached related with and without the delta, alternating on the same sources."""
    base = open_snapshot(data_dir, 100_000)
    journal = journal_of(data_dir, delta, base.count)
    started = time.perf_counter()
    live = LiveSnapshot(base, journal.changes(), journal.controls(), journal.last_seq())
    view_of(live)
    print(f"merged {len(live.delta.ids)} delta rows, {len(live.delta.tombstones)} tombstones "
          f"in {time.perf_counter() - started:.2f} s")  # fmt: skip
    plain = LiveSnapshot(base, [], {}, 0)
    view_of(plain)
    ranking = resolve(RankingSettings(), limit=4)
    rng = np.random.default_rng(1)
    rows = [int(r) for r in rng.choice(base.count, queries, replace=False) if not live.removed()[r]]
    times: dict[str, list[float]] = {"without": [], "with": []}
    for i, row in enumerate(rows):
        order = (
            (("without", plain), ("with", live)) if i % 2 else (("with", live), ("without", plain))
        )
        for name, snapshot in order:
            source = source_from_row(snapshot, row)
            start = time.thread_time()
            related(snapshot, source, ranking, NOW)
            times[name].append(time.thread_time() - start)
    for name, values in times.items():
        p50, p99 = percentile(values, 50), percentile(values, 99)
        print(f"{name:>8} delta: p50 {p50:6.2f} ms  p99 {p99:6.2f} ms")
    ratio = percentile(times["with"], 99) / percentile(times["without"], 99)
    print(f"p99 with / without delta: {ratio:.2f} (target <= 1.2)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def request(base: str, path: str, method: str = "GET", body: object = None) -> int:
    data = None if body is None else json.dumps(body).encode()
    headers = {"Connection": "close", "Authorization": f"Bearer {TOKEN}"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except OSError:  # not listening yet
        return 0


def upsert_to_visible(redis_url: str | None, rounds: int) -> None:
    """Seconds from acknowledgement to every worker serving, over real sockets."""
    with tempfile.TemporaryDirectory(prefix="morelike-live-") as tmp:
        data_dir = Path(tmp) / "data"
        subprocess.run(
            [str(ROOT / ".venv/bin/morelike"), "build", "--source",
             str(ROOT / "tests/fixtures/small.jsonl"), "--data-dir", str(data_dir)],
            check=True, capture_output=True,
        )  # fmt: skip
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("MORELIKE_")}
        env.update(MORELIKE_ADMIN_TOKEN=TOKEN, MORELIKE_ACCESS_LOG="false")
        if redis_url:
            env.update(MORELIKE_REDIS_URL=redis_url, MORELIKE_KEY_PREFIX=f"bench-{port}:")
        server = subprocess.Popen(
            [str(ROOT / ".venv/bin/morelike"), "serve", "--data-dir", str(data_dir),
             "--port", str(port), "--workers", "2", "--threads", "2"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while request(base, "/readyz") != 200:
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start")
                time.sleep(0.3)
            seconds = []
            for i in range(rounds):
                body = {"title": f"Live article {i}", "body": "Astronauts flew around the Moon."}
                assert request(base, f"/v1/articles/live-{i}", "PUT", body) == 200
                acked = time.monotonic()
                while not all(
                    request(base, f"/v1/articles/live-{i}/related") == 200 for _ in range(16)
                ):
                    time.sleep(0.02)
                seconds.append(time.monotonic() - acked)
            label = "with Redis" if redis_url else "without Redis"
            p50, p99 = percentile(seconds, 50) / 1000, percentile(seconds, 99) / 1000
            print(f"upsert to visible on 2 workers ({label}, {rounds} upserts): "
                  f"p50 {p50:.2f} s, p99 {p99:.2f} s (target p99 <= 2 s)")  # fmt: skip
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)


def main() -> None:
    """Both measurements, with figures printed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var/bench/live")
    parser.add_argument("--delta", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--fresh", action="store_true", help="rewrite the data dir first")
    args = parser.parse_args()
    if args.fresh:
        shutil.rmtree(args.data_dir, ignore_errors=True)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    print(f"load average {os.getloadavg()[0]:.1f}")
    delta_cost(args.data_dir, args.delta, args.queries)
    upsert_to_visible(None, args.rounds)
    upsert_to_visible(args.redis_url, args.rounds)


if __name__ == "__main__":
    main()
