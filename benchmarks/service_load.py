"""Load benchmark of the HTTP service: gunicorn on loopback, wrk from a second process.

On a synthetic snapshot of 100,000 articles (clustered random unit vectors of the
real model's dimension, topic words for the TF-IDF terms), with the gunicorn
settings `morelike serve` uses by default:

1. throughput of a cached `GET /v1/articles/{id}/related` against `/healthz`,
   same server, same run, in short alternating pairs; the median of the pair
   ratios is reported, which holds up when other work shares the machine
   (target: ratio >= 0.8);
2. latency of uncached `related` requests (every request another article, so
   every one is a cache miss) at low concurrency (target: p99 < 25 ms);
3. memory of the whole server (master + workers) with 4 workers against 1, after
   the same warm-up, as PSS (shared pages split among the processes that map
   them; summed RSS counts the shared snapshot once per worker) (target <= 1.5).

Usage: python benchmarks/service_load.py [--articles 100000] [--duration 10]
Needs `wrk` (Debian package `wrk`; `make system-deps` installs it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DIM = 384
SECTIONS = ["news", "sport", "business", "science", "culture", "reviews", "travel", "food"]

WRK_SCRIPT = """
local counter = 0
local offset, count, limit = 0, 1, 4
function init(args)
  offset = tonumber(args[1]); count = tonumber(args[2]); prefix = args[3]
end
function request()
  counter = counter + 1
  local id = (offset + counter * 7919) % count
  return wrk.format("GET", prefix .. "a" .. id .. "/related?limit=" .. limit)
end
"""


# Every wrk run reports through this `done`, parsed by `wrk()`.
DONE_LUA = """
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %.3f %.3f %.3f %.3f %d\\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def synthetic_snapshot(data_dir: Path, count: int, seed: int = 7) -> str:
    """Write (or reuse) a snapshot of `count` synthetic articles; returns its version."""
    from indexer.articles import Article
    from indexer.snapshot import Snapshot, SnapshotError, current_version, snapshots_dir
    from indexer.snapshot.write import BuildReport, Entry, write_snapshot

    version = current_version(data_dir)
    if version is not None:
        try:
            manifest = Snapshot(snapshots_dir(data_dir) / version).manifest
        except SnapshotError as exc:
            print(f"not reusing {data_dir}: {exc}")
        else:
            source = manifest["source"]
            if manifest["counts"]["articles"] == count and source == f"synthetic:{count}":
                print(f"reusing synthetic snapshot {version} ({count} articles) in {data_dir}")
                return version
    print(f"writing a synthetic snapshot of {count} articles into {data_dir} ...", flush=True)
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    topics = max(1, count // 200)
    centroids = rng.standard_normal((topics, DIM)).astype(np.float32)
    topic_of = rng.integers(0, topics, count)
    vectors = centroids[topic_of] + 0.8 * rng.standard_normal((count, DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vocab = np.array([f"w{i:05d}x" for i in range(20_000)])
    topic_words = rng.integers(0, len(vocab), (topics, 40))
    now = datetime.now(UTC)
    docs = []
    for i in range(count):
        t = topic_of[i]
        words = np.concatenate(
            [vocab[rng.choice(topic_words[t], 25)], vocab[rng.integers(0, len(vocab), 15)]]
        )
        title = " ".join(words[:6]).capitalize()
        article = Article(
            id=f"a{i}",
            title=title,
            url=f"https://example.test/{SECTIONS[t % len(SECTIONS)]}/a{i}",
            published_at=now - timedelta(days=float(rng.uniform(0, 720))),
            section=SECTIONS[t % len(SECTIONS)],
            language="en" if rng.random() < 0.9 else "de",
        )
        docs.append(Entry(article=article, text=" ".join(words)))
    report = BuildReport()
    write_snapshot(
        data_dir,
        docs,
        vectors,
        report,
        model_info={"name": "all-MiniLM-L6-v2", "dimension": DIM},
        source=f"synthetic:{count}",
    )
    print(
        f"  {report.version}: index {report.index_key}, recall@10 {report.recall_at_10}, "
        f"{time.perf_counter() - started:.0f} s"
    )
    return report.version


def free_port() -> int:
    """A TCP port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """`morelike serve` in its own process group, stopped with SIGTERM."""

    def __init__(self, data_dir: Path, workers: int, log: Path, **env: str) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        environ = {**os.environ, **{f"MORELIKE_{k.upper()}": v for k, v in env.items()}}
        environ.pop("PROMETHEUS_MULTIPROC_DIR", None)
        self.log = log.open("w")
        self.proc = subprocess.Popen(
            [str(Path(sys.executable).parent / "morelike"), "serve", "--data-dir", str(data_dir),
             "--port", str(self.port), "--workers", str(workers)],
            env=environ, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/readyz", timeout=2) as resp:
                    if resp.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"server did not become ready; see {log}")

    def pids(self) -> list[int]:
        """The gunicorn master and its workers."""
        out = [self.proc.pid]
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == self.proc.pid:
                out.append(int(stat.parent.name))
        return out

    def memory_kb(self) -> dict[str, int]:
        """Summed RSS, PSS and private (USS) memory of master + workers, in kB."""
        totals = {"rss": 0, "pss": 0, "uss": 0}
        for pid in self.pids():
            fields = {}
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
                name, value = line.split(":", 1)
                fields[name] = int(value.split()[0])
            totals["rss"] += fields["Rss"]
            totals["pss"] += fields["Pss"]
            totals["uss"] += fields["Private_Clean"] + fields["Private_Dirty"]
        return totals

    def stop(self) -> None:
        """SIGTERM the master (gunicorn finishes in-flight requests) and wait."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()


def wrk(url: str, duration: float, connections: int, script: Path, *args: str) -> dict[str, float]:
    """Run wrk with one thread; returns requests/s, latency percentiles (ms) and errors."""
    cmd = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{int(duration)}s",
        "--latency",
        "-s",
        str(script),
        url,
    ]
    out = subprocess.run(cmd + (["--", *args] if args else []), capture_output=True, text=True,
                         check=True).stdout  # fmt: skip
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    n, p50, p90, p99, pmax, errors = re.search(r"RESULT (.*)", out).group(1).split()  # type: ignore[union-attr]
    return {
        "rps": rps,
        "requests": int(n),
        "p50": float(p50),
        "p90": float(p90),
        "p99": float(p99),
        "max": float(pmax),
        "errors": int(errors) + (int(bad.group(1)) if bad else 0),
    }


def warm(base: str, ids: range) -> None:
    """Uncached requests that touch the index pages the way traffic does."""
    for i in ids:
        with urllib.request.urlopen(f"{base}/v1/articles/a{i}/related", timeout=10) as resp:
            resp.read()


def main() -> None:
    """Run the three measurements and print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, default=ROOT / "var" / "bench" / "service")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=8, help="for the throughput runs")
    parser.add_argument("--rounds", type=int, default=5, help="healthz/related pairs")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    opts = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk (or `make system-deps`)")
    data_dir = opts.data_dir / str(opts.articles)
    synthetic_snapshot(data_dir, opts.articles)
    work = Path(tempfile.mkdtemp(prefix="morelike-bench-"))
    fixed, walk = work / "fixed.lua", work / "walk.lua"
    fixed.write_text(DONE_LUA)
    walk.write_text(WRK_SCRIPT + DONE_LUA)
    figures: dict[str, object] = {"articles": opts.articles, "cpus": os.cpu_count()}
    load = os.getloadavg()[0]
    print(f"{os.cpu_count()} CPUs, load average {load:.1f} before the runs", end="")
    print(" (other work on the machine skews every figure)" if load > 1 else "")

    print(f"\n[1] throughput, default settings (2 workers x 4 threads), {opts.connections} conns")
    server = Server(data_dir, 2, work / "server-2.log")
    try:
        related = f"{server.base}/v1/articles/a42/related?limit=4"
        urllib.request.urlopen(related).read()  # fill the cache
        runs: dict[str, list[float]] = {"healthz": [], "related": []}
        ratios = []
        # Short alternating runs: each pair sees about the same background load.
        seconds = max(2, int(opts.duration) // 2)
        for _ in range(opts.rounds):
            for name, url in (("healthz", f"{server.base}/healthz"), ("related", related)):
                result = wrk(url, seconds, opts.connections, fixed)
                assert result["errors"] == 0, result
                runs[name].append(result["rps"])
            ratios.append(runs["related"][-1] / runs["healthz"][-1])
            print(
                f"  healthz {runs['healthz'][-1]:6.0f} req/s   cached related "
                f"{runs['related'][-1]:6.0f} req/s   ratio {ratios[-1]:.2f}"
            )
        health, cached = np.median(runs["healthz"]), np.median(runs["related"])
        ratio = float(np.median(ratios))
        print(
            f"  median: healthz {health:.0f} req/s, cached related {cached:.0f} req/s, "
            f"ratio {ratio:.2f}  (>= 0.8)"
        )
        figures.update(healthz_rps=health, cached_related_rps=cached, throughput_ratio=ratio)

        print("\n[2] uncached related (a new article every request), 2 connections")
        result = wrk(
            server.base + "/v1/articles/",
            opts.duration,
            2,
            walk,
            "1000",
            str(opts.articles),
            "/v1/articles/",
        )
        print(
            f"  {result['requests']} requests, {result['rps']:.0f} req/s, p50 {result['p50']:.2f} "
            f"ms, p90 {result['p90']:.2f} ms, p99 {result['p99']:.2f} ms (< 25), "
            f"errors {result['errors']}"
        )
        figures.update(uncached=result)
    finally:
        server.stop()

    print("\n[3] memory after the same warm-up (300 uncached requests), master + workers")
    memory = {}
    for workers in (1, 4):
        server = Server(data_dir, workers, work / f"server-{workers}w.log")
        try:
            warm(server.base, range(50_000, 50_300))
            time.sleep(1.0)
            memory[workers] = server.memory_kb()
        finally:
            server.stop()
        m = memory[workers]
        print(
            f"  {workers} worker(s): PSS {m['pss'] / 1024:7.1f} MB   RSS summed "
            f"{m['rss'] / 1024:7.1f} MB   private {m['uss'] / 1024:7.1f} MB"
        )
    ratio_mem = memory[4]["pss"] / memory[1]["pss"]
    print(f"  PSS 4 workers / 1 worker = {ratio_mem:.2f}  (<= 1.5)")
    print(f"  (summed RSS ratio, which counts shared pages once per process: "
          f"{memory[4]['rss'] / memory[1]['rss']:.2f})")  # fmt: skip
    figures.update(memory_kb=memory, memory_ratio=ratio_mem)
    print(f"\nload average {os.getloadavg()[0]:.1f} after the runs")
    if opts.json:
        opts.json.write_text(json.dumps(figures, indent=2, default=float))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
