"""The encoder's levers on this CPU: speed, closeness to float32, ranking quality.

Run: `.venv/bin/python benchmarks/encoder_levers.py [CORPUS] [--rounds 2] [--only NAME,...]`

For each variant (runtime, quantisation, batch size, threads, sorting by
length, passage recipe) it encodes the articles of the corpus the way a build
does (same read and clean code, `encode_articles` in document batches of 256)
in alternating rounds, and prints the median articles/s, the mean and minimum
cosine of its article vectors to those of the float32 torch baseline, and the
held-out eval (`morelike eval`'s nDCG@4 of the ranking on dev and test) of a
snapshot built from its vectors. The model is loaded before timing: process
start and model load are the peer benchmark's business.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer.build import BuildOptions, BuildReport, build, clean_articles, read_articles  # noqa: E402
from indexer.embedder import Embedder  # noqa: E402
from indexer.snapshot import load_current  # noqa: E402
from service.evaluate import evaluate  # noqa: E402

DOC_BATCH = 256


@dataclass
class Variant:
    """One way to embed: the Embedder's arguments and encoder tweaks."""

    name: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    sort: bool = True
    dedup: bool = True
    seconds: list[float] = field(default_factory=list)
    vectors: np.ndarray | None = None
    embedder: Embedder | None = None


def variants() -> list[Variant]:
    """Every lever measured, the float32 torch baseline (today's recipe) first."""
    return [
        Variant("torch b32 (today)", {"backend": "torch"}),
        Variant("torch b16", {"backend": "torch", "batch_size": 16}),
        Variant("torch b64", {"backend": "torch", "batch_size": 64}),
        Variant("torch-int8 b32", {"backend": "torch-int8"}),
        Variant("onnx b32", {"backend": "onnx"}),
        Variant("onnx-int8 b32", {"backend": "onnx-int8"}),
        Variant("onnx-int8 b8", {"backend": "onnx-int8", "batch_size": 8}),
        Variant("onnx-int8 b16", {"backend": "onnx-int8", "batch_size": 16}),
        Variant("onnx-int8 b64", {"backend": "onnx-int8", "batch_size": 64}),
        Variant("onnx-int8 1 thread", {"backend": "onnx-int8", "threads": 1}),
        Variant("onnx-int8 unsorted", {"backend": "onnx-int8"}, sort=False),
        Variant("onnx-int8 no dedup", {"backend": "onnx-int8"}, dedup=False),
        Variant("onnx-int8 c4", {"backend": "onnx-int8", "max_chunks": 4}),
        Variant("onnx-int8 c2", {"backend": "onnx-int8", "max_chunks": 2}),
        Variant("onnx-int8 c1 (head only)", {"backend": "onnx-int8", "max_chunks": 1}),
        Variant("onnx-int8 w200 c4", {"backend": "onnx-int8", "chunk_words": 200, "max_chunks": 4}),
        Variant("onnx-int8 c4 h0.6", {"backend": "onnx-int8", "max_chunks": 4, "head_weight": 0.6}),
    ]


class NoDedup(Embedder):
    """Every passage encoded, identical ones too (the recipe before dedup)."""

    def encode_articles(self, docs: Sequence[tuple[str, str]]) -> np.ndarray:
        parts = [self.passages(title, text) for title, text in docs]
        flat = [t for p in parts for t in (p.head, *p.rest)]
        encoded = self.encode_texts(flat)
        out = np.empty((len(parts), encoded.shape[1]), dtype=np.float32)
        pos = 0
        for i, p in enumerate(parts):
            head, rest = encoded[pos], encoded[pos + 1 : pos + 1 + len(p.rest)]
            pos += 1 + len(p.rest)
            mixed = self.head_weight * head + (1 - self.head_weight) * rest.mean(axis=0)
            out[i] = mixed if len(rest) else head
        return out / np.linalg.norm(out, axis=1, keepdims=True)


class Fixed(Embedder):
    """An embedder that answers from vectors computed beforehand (for the eval build)."""

    def __init__(self, like: Embedder, docs: list[tuple[str, str]], vectors: np.ndarray) -> None:
        super().__init__(backend=like.backend, max_chunks=like.max_chunks)
        self.chunk_words, self.head_weight = like.chunk_words, like.head_weight
        self.known = {doc: vectors[i] for i, doc in enumerate(docs)}

    def encode_articles(self, docs: Sequence[tuple[str, str]]) -> np.ndarray:
        return np.stack([self.known[(title, text)] for title, text in docs])


def corpus_docs(source: Path) -> list[tuple[str, str]]:
    """(title, cleaned text) of every article a build of `source` embeds."""
    options = BuildOptions(source=source, data_dir=Path("unused"))
    report = BuildReport()
    docs = clean_articles(read_articles(options, report), options, report)
    return [(d.article.title, d.text) for d in docs]


def encode_all(embedder: Embedder, docs: list[tuple[str, str]]) -> np.ndarray:
    """Article vectors in document batches, as the build embeds them."""
    parts = [
        embedder.encode_articles(docs[i : i + DOC_BATCH]) for i in range(0, len(docs), DOC_BATCH)
    ]
    return np.concatenate(parts)


def ndcg(source: Path, variant: Variant, docs: list[tuple[str, str]]) -> tuple[float, float]:
    """(dev, test) nDCG@4 of the ranking on a snapshot of this variant's vectors."""
    assert variant.embedder is not None and variant.vectors is not None
    fixed = Fixed(variant.embedder, docs, variant.vectors)
    with tempfile.TemporaryDirectory() as tmp:
        build(BuildOptions(source=source, data_dir=Path(tmp), progress=False), fixed)
        snapshot = load_current(Path(tmp))
        try:
            splits = evaluate(snapshot, k=4)["splits"]
        finally:
            snapshot.close()
    dev, test = (splits[s]["systems"]["morelike"]["ndcg"] for s in ("dev", "test"))
    return float(dev), float(test)


def main() -> None:
    """Measure every variant and print one table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "samples/articles.jsonl")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--only", help="comma-separated variant names (the baseline always runs)")
    args = parser.parse_args()
    docs = corpus_docs(args.corpus)
    chosen = variants()
    if args.only:
        names = set(args.only.split(","))
        chosen = [chosen[0]] + [v for v in chosen[1:] if v.name in names]
    probe = Embedder()
    passages = [
        t
        for title, text in docs
        for t in (lambda p: (p.head, *p.rest))(probe.passages(title, text))
    ]
    print(f"{len(docs)} articles, {len(passages)} passages ({len(set(passages))} distinct) today")
    for v in chosen:
        cls = Embedder if v.dedup else NoDedup
        v.embedder = cls(**v.kwargs)
        v.embedder.encode_texts(["warm up the model"])
        if not v.sort:
            v.embedder.model._sort = False  # type: ignore[attr-defined]
    for r in range(args.rounds):
        for v in chosen if r % 2 == 0 else chosen[::-1]:
            assert v.embedder is not None
            start = time.perf_counter()
            v.vectors = encode_all(v.embedder, docs)
            v.seconds.append(time.perf_counter() - start)
        print(f"round {r + 1} done")
    base = chosen[0].vectors
    assert base is not None
    print()
    print("| variant | articles/s | x today | cos to fp32 mean / min | nDCG@4 dev | test |")
    print("|---|---|---|---|---|---|")
    base_tp = len(docs) / statistics.median(chosen[0].seconds)
    for v in chosen:
        assert v.vectors is not None
        tp = len(docs) / statistics.median(v.seconds)
        cos = np.sum(v.vectors * base, axis=1)
        dev, test = ndcg(args.corpus, v, docs)
        print(
            f"| {v.name} | {tp:.1f} | {tp / base_tp:.2f} | {cos.mean():.4f} / {cos.min():.4f} "
            f"| {dev:.3f} | {test:.3f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
