"""Morelike against txtai, side by side: same articles, same model, same FAISS.

Run: `make bench-peer` (prepares `.venv-peer` with txtai once, then runs this), or
`.venv/bin/python benchmarks/peer_txtai.py --peer-python .venv-peer/bin/python`.
Nothing is installed at run time: txtai runs in its own environment's python.

Per round, in alternating order (the machine is shared and noisy):
1. build: `morelike build` into an empty data dir, as a subprocess, against a
   txtai subprocess that indexes each article's title + body with the same local
   model and the FAISS backend and saves the index; throughput is articles per
   wall second, process start, imports and model load included;
2. related by text: every article's title and body POSTed to `/v1/related` of a
   real `morelike serve` (gunicorn, 2 workers, loopback, one keep-alive client,
   response cache off so every request embeds), against txtai's
   `embeddings.search(text, 5)` in-process on the index it built;
3. related by id on the same server: the first second after the start (GETs as
   soon as /readyz answers), then every article once (uncached).

Prints each round, the medians and the ratios with the goals of issue #13.
Also runs as the txtai side: `peer_txtai.py --txtai build|search ...` in the
peer environment (stdlib only at import, so it runs there).
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OFFLINE = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false"}


# ---------------------------------------------------------------- txtai side


def txtai_text(row: dict) -> str:
    """What txtai indexes and searches for an article: title and body, as given."""
    return f"{row.get('title', '')}\n{row.get('body', '')}".strip()


def txtai_main(args: argparse.Namespace) -> None:
    """The txtai half, run inside the peer environment."""
    from txtai import Embeddings

    rows = [json.loads(line) for line in Path(args.corpus).read_text().splitlines() if line]
    if args.txtai == "build":
        embeddings = Embeddings(path=args.model, backend="faiss", content=False)
        embeddings.index([(row["id"], txtai_text(row), None) for row in rows])
        embeddings.save(args.index)
        print(json.dumps({"count": embeddings.count()}))
        return
    embeddings = Embeddings()
    embeddings.load(args.index)
    embeddings.search("warm up the model", 5)
    latencies = []
    for row in rows:
        start = time.perf_counter()
        embeddings.search(txtai_text(row), 5)
        latencies.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"ms": latencies}))


# ------------------------------------------------------------- Morelike side


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def run_timed(cmd: list[str], env: dict[str, str]) -> float:
    """Wall seconds of one subprocess; its failure stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"{cmd[:3]} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return seconds


def request(
    conn: http.client.HTTPConnection, method: str, path: str, body: bytes | None = None
) -> tuple[int, bytes, float]:
    """One request on a keep-alive connection: status, body, milliseconds."""
    headers = {"Content-Type": "application/json"} if body is not None else {}
    start = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    data = response.read()
    return response.status, data, (time.perf_counter() - start) * 1000


@contextlib.contextmanager
def served(data_dir: Path, env: dict[str, str]) -> Iterator[tuple[int, float]]:
    """`morelike serve` on a free port; yields (port, seconds from spawn to /readyz)."""
    port = free_port()
    cmd = [str(ROOT / ".venv/bin/morelike"), "serve", "--data-dir", str(data_dir)]
    cmd += ["--port", str(port), "--workers", "2"]
    log = open(data_dir / "serve.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        cmd, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=data_dir, start_new_session=True
    )
    start = time.perf_counter()
    try:
        while True:
            if proc.poll() is not None:
                sys.exit(f"morelike serve exited:\n{(data_dir / 'serve.log').read_text()[-3000:]}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                status, _, _ = request(conn, "GET", "/readyz")
                conn.close()
                if status == 200:
                    break
            time.sleep(0.02)
        yield port, time.perf_counter() - start
    finally:
        # the whole group: workers must not outlive a master that exits first
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def first_second(port: int, ids: list[str]) -> list[float]:
    """GET related of article after article for one second, from the moment /readyz answers."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    out: list[float] = []
    end = time.perf_counter() + 1.0
    i = 0
    while time.perf_counter() < end:
        status, data, ms = request(conn, "GET", f"/v1/articles/{ids[i % len(ids)]}/related")
        assert status == 200, (status, data[:300])
        out.append(ms)
        i += 1
    conn.close()
    return out


def wait_model(port: int, workers: int = 2) -> None:
    """Until /readyz says the model is loaded, many times in a row (each worker answers some)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    streak = 0
    deadline = time.perf_counter() + 120
    while streak < 10 * workers and time.perf_counter() < deadline:
        _, data, _ = request(conn, "GET", "/readyz")
        streak = streak + 1 if json.loads(data).get("model") == "loaded" else 0
        if not streak:
            time.sleep(0.05)
    conn.close()


def post_body(row: dict) -> bytes:
    """The POST /v1/related body for an article: HTML bodies as `html`."""
    body = row.get("body", "")
    field = "html" if body.lstrip().startswith("<") else "text"
    return json.dumps(
        {"title": row.get("title", ""), field: body, "url": row.get("url", "")}
    ).encode()


def by_text(port: int, rows: list[dict]) -> list[float]:
    """Milliseconds of POST /v1/related for every article's text, one client."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    out = []
    for row in rows:
        status, data, ms = request(conn, "POST", "/v1/related", post_body(row))
        assert status == 200, (status, data[:300])
        out.append(ms)
    conn.close()
    return out


def by_id(port: int, ids: list[str]) -> list[float]:
    """Milliseconds of GET related for every article once (the cache is off)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    out = []
    for article_id in ids:
        status, data, ms = request(conn, "GET", f"/v1/articles/{article_id}/related")
        assert status == 200, (status, data[:300])
        out.append(ms)
    conn.close()
    return out


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def model_path() -> str:
    """The local directory of the model both systems use."""
    sys.path.insert(0, str(ROOT))
    from indexer.embedder import default_model_path

    return str(default_model_path())


def main() -> None:
    """Run both systems in alternating rounds and print figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "samples/articles.jsonl")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--peer-python", default=str(ROOT / ".venv-peer/bin/python"))
    parser.add_argument("--txtai", choices=["build", "search"], help=argparse.SUPPRESS)
    parser.add_argument("--model", help=argparse.SUPPRESS)
    parser.add_argument("--index", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.txtai:
        txtai_main(args)
        return
    if not Path(args.peer_python).exists():
        sys.exit(f"{args.peer_python} is missing: `make peer-env` prepares it")

    corpus = args.corpus.resolve()
    rows = [json.loads(line) for line in corpus.read_text().splitlines() if line]
    count = len(rows)
    ids = [str(row["id"]) for row in rows]
    model = model_path()
    env = {**os.environ, **OFFLINE, "MORELIKE_CACHE_SIZE": "0"}
    env.pop("MORELIKE_REDIS_URL", None)
    me = str(Path(__file__).resolve())
    print(f"corpus: {corpus} ({count} articles), model: {model}, {os.cpu_count()} CPUs")
    print(f"load average before: {os.getloadavg()[0]:.2f}")

    fig: dict[str, list[float]] = {
        k: [] for k in ("m_build", "t_build", "ready", "cold_max", "cold_p50")
    }
    post_ms: list[float] = []
    search_ms: list[float] = []
    get_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="peer-") as tmp:
        for r in range(args.rounds):
            m_dir, t_dir = Path(tmp) / f"m{r}", Path(tmp) / f"t{r}"

            def build_morelike(m_dir: Path = m_dir) -> None:
                cmd = [str(ROOT / ".venv/bin/morelike"), "build", "--source", str(corpus)]
                fig["m_build"].append(run_timed([*cmd, "--data-dir", str(m_dir)], env))

            def build_txtai(t_dir: Path = t_dir) -> None:
                cmd = [args.peer_python, me, str(corpus), "--txtai", "build"]
                fig["t_build"].append(
                    run_timed([*cmd, "--model", model, "--index", str(t_dir)], env)
                )

            def serve_morelike(m_dir: Path = m_dir) -> None:
                with served(m_dir, env) as (port, ready):
                    cold = first_second(port, ids)
                    wait_model(port)
                    post_ms.extend(p := by_text(port, rows))
                    get_ms.extend(g := by_id(port, ids))
                fig["ready"].append(ready)
                fig["cold_max"].append(max(cold))
                fig["cold_p50"].append(statistics.median(cold))
                print(
                    f"  morelike: ready {ready:.1f}s; first second {len(cold)} GETs, max "
                    f"{max(cold):.1f} ms; POST p50/p99 {pct(p, 50):.1f}/{pct(p, 99):.1f} ms; "
                    f"GET uncached p50/p99 {pct(g, 50):.1f}/{pct(g, 99):.1f} ms"
                )

            def search_txtai(t_dir: Path = t_dir) -> None:
                cmd = [
                    args.peer_python,
                    me,
                    str(corpus),
                    "--txtai",
                    "search",
                    "--index",
                    str(t_dir),
                ]
                done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
                s = json.loads(done.stdout.strip().splitlines()[-1])["ms"]
                search_ms.extend(s)
                print(f"  txtai: search p50/p99 {pct(s, 50):.1f}/{pct(s, 99):.1f} ms")

            steps = [build_morelike, build_txtai, serve_morelike, search_txtai]
            if r % 2:
                steps = [build_txtai, build_morelike, search_txtai, serve_morelike]
            print(f"round {r + 1}: order {', '.join(s.__name__ for s in steps)}")
            for step in steps:
                step()
            print(
                f"  build: morelike {count / fig['m_build'][-1]:.1f} articles/s "
                f"({fig['m_build'][-1]:.1f}s), txtai {count / fig['t_build'][-1]:.1f} "
                f"articles/s ({fig['t_build'][-1]:.1f}s)"
            )
            shutil.rmtree(m_dir, ignore_errors=True)
            shutil.rmtree(t_dir, ignore_errors=True)

    m_tp = count / statistics.median(fig["m_build"])
    t_tp = count / statistics.median(fig["t_build"])
    p50, p99, t50, t99 = pct(post_ms, 50), pct(post_ms, 99), pct(search_ms, 50), pct(search_ms, 99)
    cold = max(fig["cold_max"]) / statistics.median(get_ms)
    print()
    print("| figure (median of rounds; latencies pooled) | Morelike | txtai |")
    print("|---|---|---|")
    print(f"| build throughput, articles/s | {m_tp:.1f} | {t_tp:.1f} |")
    print(f"| related by text p50 / p99, ms | {p50:.1f} / {p99:.1f} | {t50:.1f} / {t99:.1f} |")
    print(
        f"| related by id, uncached, p50 / p99, ms | {pct(get_ms, 50):.1f} / "
        f"{pct(get_ms, 99):.1f} | |"
    )
    print(
        f"| first second after start: slowest GET, ms | {max(fig['cold_max']):.1f} "
        f"(start to ready {statistics.median(fig['ready']):.1f} s) | |"
    )
    print()
    print(f"RATIO build throughput Morelike/txtai = {m_tp / t_tp:.2f}  (goal >= 1.5)")
    print(f"RATIO POST p50 / txtai search p50      = {p50 / t50:.2f}  (goal <= 0.8)")
    print(f"RATIO POST p99 / txtai search p50      = {p99 / t50:.2f}  (goal <= 1.5)")
    print(f"RATIO first-second max GET / GET p50   = {cold:.1f}  (goal <= 5)")
    print("(uncached GET p99 at 100k articles and cached/healthz: `make bench-service`)")


if __name__ == "__main__":
    main()
