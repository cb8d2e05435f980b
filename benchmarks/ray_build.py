"""Build throughput through Ray with 1 and 2 worker nodes against a local build.

The same corpus (the sample corpus, or --source) is built three times by the
real CLI into empty data dirs (nothing from the cache): locally, then through
a Ray cluster started here on 127.0.0.1 with one worker node of all the
machine's CPUs, then with two worker nodes sharing them. Every build cuts the
same batches (--doc-batch). Printed: articles/s of the embedding stage (which
for Ray includes joining the cluster and loading the model on every node), the
steady rate (the sum of the nodes' own rates, model load excluded), the whole
build's wall time, and the ratios to the local build. On one machine more nodes
add no cores: the ratios show the cost of going through Ray, not its gain.

    .venv/bin/python benchmarks/ray_build.py [--source FILE] [--doc-batch 32]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.raycluster import LocalRayCluster  # noqa: E402

MORELIKE = str(Path(sys.executable).parent / "morelike")


def build(source: Path, data_dir: Path, doc_batch: int, ray: str | None) -> dict[str, float]:
    """One build by the CLI; its figures from the manifest."""
    args = [
        MORELIKE,
        "build",
        "--no-progress",
        "--source",
        str(source),
        "--data-dir",
        str(data_dir),
    ]
    args += ["--doc-batch", str(doc_batch)] + (["--ray", ray] if ray else [])
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    version = (data_dir / "CURRENT").read_text().strip()
    manifest = json.loads((data_dir / "snapshots" / version / "manifest.json").read_text())
    embedded = manifest["counts"]["embedded"]
    nodes = (manifest.get("cluster") or {}).get("nodes", [])
    steady = sum(n["articles_per_second"] for n in nodes) if nodes else None
    return {
        "articles": embedded,
        "embed_rate": embedded / manifest["stages"]["embed"],
        "steady_rate": steady if steady is not None else embedded / manifest["stages"]["embed"],
        "wall": wall,
        "index_seconds": manifest["stages"].get("index", 0.0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--source", type=Path, default=ROOT / "samples" / "articles.jsonl")
    parser.add_argument("--doc-batch", type=int, default=32)
    args = parser.parse_args()
    cpus = os.cpu_count() or 2
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="ray-bench-") as tmp:
        results["local"] = build(args.source, Path(tmp) / "local", args.doc_batch, None)
        for workers in (1, 2):
            cluster = LocalRayCluster(workers=workers, cpus_per_worker=max(1, cpus // workers))
            try:
                cluster.start()
                results[f"ray x{workers}"] = build(
                    args.source, Path(tmp) / f"ray{workers}", args.doc_batch, cluster.address
                )
            finally:
                cluster.stop()
    local = results["local"]
    print(f"{local['articles']:.0f} articles, {cpus} CPUs, doc batch {args.doc_batch}")
    print(f"{'':10} {'embed/s':>8} {'steady/s':>9} {'wall s':>7} {'embed':>7} {'steady':>7}")
    for name, r in results.items():
        base = local["embed_rate"]
        print(
            f"{name:10} {r['embed_rate']:8.2f} {r['steady_rate']:9.2f} {r['wall']:7.1f}"
            f" {r['embed_rate'] / base:7.2f} {r['steady_rate'] / base:7.2f}"
        )
    print("(last two columns: ratio to the local build's embedding rate)")


if __name__ == "__main__":
    main()
