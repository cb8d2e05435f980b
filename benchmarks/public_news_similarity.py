"""The defaults on public, human-judged data the project does not ship or tune on.

Lee, Pincombe & Welsh (2005): 50 news articles (ABC newswire) with averaged
human similarity ratings for every pair. The files ship inside the gensim
wheel's test data; fetch them with pip (no other download):

    pip download gensim --no-deps -d /tmp/gensim && cd /tmp/gensim && \\
      unzip -o -q gensim-*.whl 'gensim/test/test_data/lee.cor' \\
      'gensim/test/test_data/similarities0-1.txt'
    .venv/bin/python benchmarks/public_news_similarity.py /tmp/gensim/gensim/test/test_data

Each article becomes a record (no title, no date, no section), is indexed by
`morelike build`'s code, and gets its list from `service.ranking.related` with
the default settings, as `GET /v1/articles/{id}/related` would give it. The
score is nDCG@4 with the human ratings as graded gains, beside plain dense
cosine and TF-IDF more-like-this. A second run wraps every article in the
reference page's aggregator boilerplate (image credit, a "Related" line, a
fact box, a disclaimer and a stale "YOU MIGHT ALSO LIKE" block of other
articles) to show the cleaning holds the score.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import tempfile
import time
from pathlib import Path

import numpy as np

from indexer.build import BuildOptions, build
from indexer.embedder import Embedder
from indexer.snapshot import Snapshot, load_current
from service.ranking import RankingSettings, related, resolve, source_from_row

K = 4


def ndcg(ratings: np.ndarray, query: int, picks: list[int]) -> float:
    """Graded nDCG@K: the human ratings of the picks against the best K possible."""
    gains = [ratings[query, p] for p in picks[:K]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted((ratings[query, j] for j in range(len(ratings)) if j != query), reverse=True)
    return dcg / sum(g / math.log2(i + 2) for i, g in enumerate(ideal[:K]))


def boilerplate(text: str, others: list[str], rng: random.Random) -> str:
    """The article inside an aggregated page's markup, as on the reference page."""
    paras = [f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip()]
    middle = max(1, len(paras) // 2)
    cards = "\n".join(
        f'<p><a href="https://example.test/{i}">{o.split(". ")[0][:80]}</a></p>'
        f"<p>Mar {i + 1}, 2025</p><p>{' '.join(o.split()[:30])}…</p>"
        for i, o in enumerate(rng.sample(others, 4))
    )
    return "\n".join(
        [
            "<article>",
            "<p><em>Image via ABC</em></p>",
            *paras[:middle],
            f'<p>Related: <a href="https://example.test/r">{rng.choice(others)[:70]}</a></p>',
            '<ul class="facts"><li>Release Date: Mar 7, 2025</li><li>Runtime: 124 minutes</li>'
            "<li>Director: Ana Kovač</li></ul>",
            *paras[middle:],
            "<p>Disclaimer: This story is auto-aggregated by a computer program and has not "
            "been created or edited by FilmDaily. Publisher: ReelWire</p>",
            "<h2>YOU MIGHT ALSO LIKE</h2>",
            cards,
            "</article>",
        ]
    )


def snapshot_of(docs: list[str], embedder: Embedder, tmp: Path, wrapped: bool) -> Snapshot:
    """Write the articles as JSONL (wrapped in boilerplate or not) and build them."""
    rng = random.Random(2005)
    source = tmp / ("wrapped.jsonl" if wrapped else "plain.jsonl")
    with source.open("w", encoding="utf-8") as fh:
        for i, text in enumerate(docs):
            others = [d for j, d in enumerate(docs) if j != i]
            body = boilerplate(text, others, rng) if wrapped else text
            fh.write(json.dumps({"id": f"lee-{i:02d}", "body": body}) + "\n")
    data = tmp / source.stem
    build(BuildOptions(source=source, data_dir=data), embedder)
    return load_current(data)


def score(snapshot: Snapshot, ratings: np.ndarray) -> dict[str, float]:
    """nDCG@K of the defaults and both baselines, and the reasons of the defaults' items."""
    doc_of = {
        r: int(snapshot.articles_at([r])[0]["id"].split("-")[1]) for r in range(snapshot.count)
    }
    row_of = {d: r for r, d in doc_of.items()}
    settings = RankingSettings()
    vectors = np.asarray(snapshot.vectors)
    terms = snapshot.term_matrix
    out: dict[str, list[float]] = {"morelike": [], "dense": [], "tfidf_mlt": []}
    reasons: dict[str, int] = {}
    for d in range(len(ratings)):
        row = row_of[d]
        items = related(snapshot, source_from_row(snapshot, row), resolve(settings), time.time())
        for item in items:
            reasons[item.reason] = reasons.get(item.reason, 0) + 1
        out["morelike"].append(ndcg(ratings, d, [doc_of[i.row] for i in items]))
        for name, sims in (
            ("dense", vectors @ vectors[row]),
            ("tfidf_mlt", np.asarray((terms @ terms[row].T).todense()).ravel()),
        ):
            sims[row] = -np.inf
            out[name].append(ndcg(ratings, d, [doc_of[int(r)] for r in np.argsort(-sims)[:K]]))
    figures = {name: round(float(np.mean(v)), 4) for name, v in out.items()}
    print(f"  items by reason: {reasons}")
    return figures


def main() -> None:
    """Print nDCG@4 for plain and boilerplate-wrapped articles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="directory with lee.cor and similarities0-1.txt")
    args = parser.parse_args()
    docs = (args.data / "lee.cor").read_text(encoding="latin-1").splitlines()
    ratings = np.loadtxt(args.data / "similarities0-1.txt")
    ratings = np.maximum(ratings, ratings.T)  # the file holds the upper triangle
    embedder = Embedder()
    with tempfile.TemporaryDirectory(prefix="morelike-public-") as tmp:
        plain = score(snapshot_of(docs, embedder, Path(tmp), wrapped=False), ratings)
        print(f"plain articles:       {plain}")
        wrapped = score(snapshot_of(docs, embedder, Path(tmp), wrapped=True), ratings)
        print(f"with boilerplate:     {wrapped}")
    ratio = wrapped["morelike"] / plain["morelike"]
    print(f"boilerplate / plain (morelike): {ratio:.3f}")


if __name__ == "__main__":
    main()
