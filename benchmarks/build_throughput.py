"""Build throughput against raw model throughput, and incremental rebuild cost.

Run: `make bench` (or `.venv/bin/python benchmarks/build_throughput.py [CORPUS]`).

Measured in one run, on the same texts, with the model loaded once (as a
resident rebuild worker would):
1. raw `encode` throughput: the exact passages the build embeds, in one call;
2. full build throughput: `morelike build` into an empty data dir;
3. rebuild after changing 1% of the articles, into the same data dir.
Each timing is the best of `--repeat` alternating rounds, since the machine is
shared and noisy. Targets: ratio 1 >= 0.9, ratio 2 <= 0.05.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from indexer.build import BuildOptions, BuildReport, build, clean_articles, read_articles
from indexer.embedder import Embedder

ROOT = Path(__file__).resolve().parent.parent


def passages_of(source: Path, embedder: Embedder) -> tuple[int, list[str]]:
    """The passages a build of `source` would embed (same read and clean code)."""
    options = BuildOptions(source=source, data_dir=Path("unused"))
    report = BuildReport()
    docs = clean_articles(read_articles(options, report), options, report)
    texts: list[str] = []
    for doc in docs:
        p = embedder.passages(doc.article.title, doc.text)
        texts += [p.head, *p.rest]
    return len(docs), texts


def time_raw(embedder: Embedder, texts: list[str]) -> float:
    """Seconds for one raw encode of all passages."""
    start = time.perf_counter()
    embedder.encode_texts(texts)
    return time.perf_counter() - start


def time_build(source: Path, data_dir: Path, embedder: Embedder) -> tuple[float, BuildReport]:
    """Seconds for one build of `source` into `data_dir`."""
    start = time.perf_counter()
    report = build(BuildOptions(source=source, data_dir=data_dir), embedder)
    return time.perf_counter() - start, report


def changed_copy(source: Path, target: Path, share: float) -> int:
    """Write `source` with `share` of its articles edited; returns how many."""
    lines = source.read_text().splitlines()
    step = max(1, round(1 / share))
    changed = 0
    out = []
    for i, line in enumerate(lines):
        row = json.loads(line)
        if i % step == 0:
            row["body"] = f"{row.get('body', '')}\n\nUpdate: this article was edited ({i})."
            changed += 1
        out.append(json.dumps(row, ensure_ascii=False))
    target.write_text("\n".join(out) + "\n")
    return changed


def main() -> None:
    """Run the benchmark and print figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "samples/articles.jsonl")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    embedder = Embedder()
    embedder.encode_texts(["warm up the model"])
    count, texts = passages_of(args.corpus, embedder)
    print(f"corpus: {args.corpus} ({count} articles, {len(texts)} passages)")
    print(f"embedding: {embedder.model_id}, batch {embedder.batch_size}")

    raw, full, rebuild = [], [], []
    changed = 0
    with tempfile.TemporaryDirectory() as tmp:
        edited = Path(tmp) / "edited.jsonl"
        changed = changed_copy(args.corpus, edited, 0.01)
        for round_ in range(args.repeat):
            raw.append(time_raw(embedder, texts))
            data_dir = Path(tmp) / f"data{round_}"
            seconds, report = time_build(args.corpus, data_dir, embedder)
            full.append(seconds)
            assert report.embedded == count, "a full build must embed every article"
            seconds, report = time_build(edited, data_dir, embedder)
            rebuild.append(seconds)
            assert report.embedded == changed, (report.embedded, changed)
            shutil.rmtree(data_dir)
            print(
                f"round {round_ + 1}: raw encode {raw[-1]:.2f}s, full build {full[-1]:.2f}s, "
                f"rebuild ({changed} changed) {rebuild[-1]:.3f}s; stages {report.stages}"
            )

    raw_tp, full_tp = count / min(raw), count / min(full)
    raw_med, full_med = count / statistics.median(raw), count / statistics.median(full)
    print(f"raw encode throughput:  {raw_tp:8.1f} articles/s (median {raw_med:.1f})")
    print(f"full build throughput:  {full_tp:8.1f} articles/s (median {full_med:.1f})")
    print(f"rebuild after {changed}/{count} changed: {min(rebuild):.3f}s vs full {min(full):.2f}s")
    paired = statistics.median(r / f for r, f in zip(raw, full, strict=True))
    print(f"RATIO build/raw throughput = {full_tp / raw_tp:.3f}  (target >= 0.9; best of each)")
    print(f"RATIO build/raw throughput = {paired:.3f}  (median of per-round pairs)")
    print(f"RATIO rebuild/full time    = {min(rebuild) / min(full):.4f}  (target <= 0.05)")


if __name__ == "__main__":
    main()
