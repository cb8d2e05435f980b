"""The embedder: unit vectors, empty text refused, long articles read whole."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from indexer.embedder import Embedder, EmbeddingError, ModelNotFound, split_passages

FILLER = (
    "The committee met on Tuesday and agreed the minutes of the previous meeting "
    "before moving on to other business on the agenda. "
) * 12
BAKING = (
    "The real subject is sourdough bread: feed the starter with flour and water, "
    "proof the dough overnight, and bake the loaf in a very hot oven for a dark crust. "
) * 8


def test_vectors_are_unit_float32_in_input_order(embedder: Embedder) -> None:
    texts = ["A rocket launched to the Moon.", "A striker scored a late goal."]
    both = embedder.encode_texts(texts)
    assert both.dtype == np.float32 and both.shape == (2, 384)
    assert np.allclose(np.linalg.norm(both, axis=1), 1.0, atol=1e-5)
    assert np.allclose(embedder.encode_texts(texts[1:])[0], both[1], atol=1e-5)


def test_empty_text_is_an_error_not_a_zero_vector(embedder: Embedder) -> None:
    with pytest.raises(EmbeddingError):
        embedder.encode_texts(["fine", "   "])
    with pytest.raises(EmbeddingError):
        embedder.encode_articles([("", "")])


def test_long_articles_are_represented_by_their_whole_text(embedder: Embedder) -> None:
    title = "Notes from the week"
    passages = embedder.passages(title, FILLER + " " + BAKING)
    assert len(passages.rest) >= 1 and "sourdough" in " ".join(passages.rest)
    pooled = embedder.encode_articles([(title, FILLER + " " + BAKING)])[0]
    head_only = embedder.encode_texts([passages.head])[0]
    query = embedder.encode_texts(["How to bake sourdough bread at home"])[0]
    assert float(pooled @ query) > float(head_only @ query) + 0.1


def test_passages_are_capped_and_sampled_evenly() -> None:
    text = " ".join(f"w{i}" for i in range(10_000))
    p = split_passages("T", text, chunk_words=100, max_chunks=8)
    assert p.head.startswith("T\nw0 ") and len(p.rest) == 7
    assert p.rest[-1].split()[-1] == "w9999"


def test_a_request_may_embed_fewer_passages_never_more(embedder: Embedder) -> None:
    title, text = "Long read", " ".join(f"w{i}" for i in range(2000))
    full = embedder.passages(title, text)
    assert len(full.rest) == embedder.max_chunks - 1
    bounded = embedder.passages(title, text, max_chunks=3)  # the POST default
    assert bounded.head == full.head and len(bounded.rest) == 2
    assert bounded.rest[-1].endswith("w1999")  # still sampled to the end of the body
    assert embedder.passages(title, text, max_chunks=99) == full


def test_unknown_model_is_refused_without_download() -> None:
    with pytest.raises(ModelNotFound, match="no download"):
        Embedder("some-org/some-model")


MIXED = [
    "A rocket launched to the Moon.",
    "Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt beschlossen.",
    BAKING,  # longer than the model reads: truncated like sentence-transformers does
]


def _torch_reference(embedder: Embedder) -> Embedder:
    return embedder if embedder.backend == "torch" else Embedder(backend="torch")


@pytest.mark.parametrize(("backend", "floor"), [("onnx", 0.9999), ("onnx-int8", 0.985)])
def test_onnx_runtimes_give_the_torch_vectors(
    embedder: Embedder, backend: str, floor: float
) -> None:
    reference = _torch_reference(embedder).encode_texts(MIXED)
    got = Embedder(backend=backend).encode_texts(MIXED)  # one padded batch of three lengths
    assert got.dtype == np.float32 and got.shape == reference.shape
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    assert np.sum(got * reference, axis=1).min() >= floor


def test_the_manifest_gives_back_the_recipe() -> None:
    built = Embedder(backend="onnx", chunk_words=120, max_chunks=3, head_weight=0.6)
    again = Embedder.from_manifest({**built.recipe, "dimension": 384})
    assert again.model_id == built.model_id and again.backend == "onnx"
    assert Embedder.from_manifest({}).model_id == Embedder().model_id  # nothing said: defaults
    # builds from before the runtime was recorded: torch, unless the id names another
    old = "all-MiniLM-L6-v2|head-pool-v1|w160|c8|h0.5"
    assert Embedder.from_manifest({"name": "all-MiniLM-L6-v2", "id": old}).backend == "torch"
    assert Embedder.from_manifest({"id": f"{old}|onnx-int8"}).backend == "onnx-int8"
    assert Embedder.from_manifest({"id": old, "max_chunks": 8}).max_chunks == 8


def test_backend_is_part_of_the_cache_key() -> None:
    ids = {Embedder(backend=b).model_id for b in ("torch", "onnx", "onnx-int8")}
    assert len(ids) == 3
    with pytest.raises(ValueError, match="backend"):
        Embedder(backend="tpu")


def test_identical_passages_are_encoded_once(embedder: Embedder) -> None:
    seen: list[int] = []
    encode = embedder.encode_texts

    def counting(texts: Sequence[str]) -> np.ndarray:
        seen.append(len(texts))
        return encode(texts)

    copy = ("Partner headline", FILLER + " " + BAKING)
    original = ("Original headline", FILLER + " " + BAKING)
    alone = embedder.encode_articles([original])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(embedder, "encode_texts", counting)
        both = embedder.encode_articles([original, copy])
    parts = embedder.passages(*original)
    assert seen == [2 + len(parts.rest)]  # two heads, the shared body passages once
    assert np.allclose(both[0], alone[0], atol=1e-5)


def test_exported_graph_is_kept_and_reused() -> None:
    from indexer.embedder import default_model_path
    from indexer.encoders import exported_graph, model_cache_dir

    cache = model_cache_dir()  # the one every other test and run uses: exported once
    first = exported_graph(default_model_path(), quantize=True, cache=cache)
    stamp = first.stat().st_mtime_ns
    assert exported_graph(default_model_path(), quantize=True, cache=cache) == first
    assert first.stat().st_mtime_ns == stamp
