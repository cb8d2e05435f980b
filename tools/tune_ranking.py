"""Score ranking settings on one split of a labelled corpus: how the defaults were chosen.

Usage: python -m tools.tune_ranking [--source samples/articles.jsonl] [--split dev]
       [--set similar_quantile=0.9,0.95,0.97] [--set mmr_lambda=0.85,1.0] ...

Builds the corpus once, then runs `service.evaluate` for every combination of
the given values (the other settings keep their defaults) and prints nDCG@4,
filler and duplicate figures for the chosen split, one line per combination.
Defaults are chosen on `dev`; `test` is for checking a choice, not making one.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
from pathlib import Path
from typing import Any

from indexer.build import BuildOptions, build
from indexer.embedder import Embedder
from indexer.snapshot import load_current
from service.evaluate import evaluate
from service.ranking import RankingSettings

ROOT = Path(__file__).resolve().parent.parent


def parse_sets(values: list[str]) -> dict[str, list[Any]]:
    """`name=v1,v2` pairs into {name: [values]} (numbers as floats, true/false as booleans)."""
    grid: dict[str, list[Any]] = {}
    for value in values:
        name, _, options = value.partition("=")
        parsed: list[Any] = []
        for option in options.split(","):
            low = option.strip().lower()
            parsed.append(low == "true" if low in ("true", "false") else float(option))
        grid[name.strip()] = parsed
    return grid


def main(argv: list[str] | None = None) -> int:
    """Command line: print one line of figures per combination of settings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT / "samples" / "articles.jsonl")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--set", dest="sets", action="append", default=[])
    args = parser.parse_args(argv)
    grid = parse_sets(args.sets)
    with tempfile.TemporaryDirectory(prefix="morelike-tune-") as tmp:
        build(BuildOptions(source=args.source, data_dir=Path(tmp)), Embedder())
        snapshot = load_current(Path(tmp))
        names = list(grid)
        for combo in itertools.product(*(grid[n] for n in names)):
            settings = RankingSettings(**dict(zip(names, combo, strict=True)))
            result = evaluate(snapshot, k=4, config=settings)
            split = result["splits"][args.split]
            ours = split["systems"]["morelike"]
            label = " ".join(f"{n}={v}" for n, v in zip(names, combo, strict=True)) or "defaults"
            sys.stdout.write(
                f"{label:<60} nDCG@4 {ours['ndcg']:.4f}  P@4 {ours['precision']:.3f}  "
                f"filler {ours['filler_slots']:.3f}  filler4+ {ours['filler_slots_many']:.3f}  "
                f"dup {ours['duplicate_lists']:.3f}  full {ours['full_lists']:.3f}\n"
            )
        snapshot.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
