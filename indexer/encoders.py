"""Model runtimes behind `Embedder`: sentence-transformers on torch, or ONNX Runtime.

Both give the same thing for a list of passages: unit float32 vectors in input
order (mean pooling over the tokens, as the model's sentence-transformers config
says, then L2 normalisation). ONNX Runtime runs a graph exported once from the
local model files with torch and kept in a cache directory (never downloaded);
`onnx-int8` (the default) is that graph with its weights quantised to int8
(dynamic quantisation of the MatMuls but the feed-forward output projections),
1.4x float32 ONNX per passage on a 2-core AVX2 CPU at a cosine of 0.996 to the
float32 vectors. Once the export is cached,
a process that encodes with ONNX Runtime never imports torch or transformers.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

logger = logging.getLogger(__name__)

BACKENDS = ("torch", "torch-int8", "onnx", "onnx-int8")
EXPORT_VERSION = "2"  # bumped when the export or quantisation recipe changes
OPSET = 17


class Encoder(Protocol):
    """Passages to unit vectors, in input order."""

    dimension: int

    def encode(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        """Unit float32 rows, one per text."""
        ...


def normalize(vectors: np.ndarray) -> np.ndarray:
    """Row-wise L2 normalisation that leaves all-zero rows at zero."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


def check_backend(backend: str) -> None:
    """`ValueError` unless `backend` is one of `BACKENDS`."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown embedding backend {backend!r} (one of {', '.join(BACKENDS)})")


class TorchEncoder:
    """sentence-transformers' own `encode` (optionally with int8 dynamic quantisation)."""

    def __init__(self, path: Path, *, quantize: bool = False) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.model: SentenceTransformer = SentenceTransformer(str(path), device="cpu")
        if quantize:
            import torch

            self.model = torch.ao.quantization.quantize_dynamic(
                self.model, {torch.nn.Linear}, dtype=torch.qint8
            )
        getter = getattr(self.model, "get_embedding_dimension", None)  # sentence-transformers >= 6
        dim = getter() if getter else self.model.get_sentence_embedding_dimension()
        self.dimension = int(dim or 0)

    def encode(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        """sentence-transformers sorts by length inside and returns input order."""
        out = self.model.encode(
            list(texts),
            batch_size=batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(out, dtype=np.float32)


def model_cache_dir() -> Path:
    """Where exported graphs are kept: `MORELIKE_MODEL_CACHE`, else the user's cache dir."""
    configured = os.environ.get("MORELIKE_MODEL_CACHE")
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "morelike" / "models"


def _fingerprint(model_dir: Path) -> str:
    """Identity of the model files (names, sizes, mtimes) and the export recipe."""
    parts = [EXPORT_VERSION, str(OPSET)]
    for path in sorted(model_dir.rglob("*")):
        if path.is_file() and path.suffix in (".json", ".safetensors", ".bin", ".txt"):
            stat = path.stat()
            parts.append(f"{path.relative_to(model_dir)}:{stat.st_size}:{int(stat.st_mtime)}")
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=8).hexdigest()


def _writable_dir(preferred: Path) -> Path:
    try:
        preferred.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=preferred)  # noqa: SIM115 - closed at once
        probe.close()
        return preferred
    except OSError as exc:
        fallback = Path(tempfile.gettempdir()) / "morelike-models"
        logger.warning("model cache %s is not writable (%s); using %s", preferred, exc, fallback)
        fallback.mkdir(parents=True, exist_ok=True)
        return fallback


def _export(model_dir: Path, target: Path) -> None:
    """The transformer of `model_dir` as an ONNX graph (token ids in, hidden states out)."""
    import torch
    from transformers import AutoModel

    logger.info("exporting %s to ONNX (once; kept in %s)", model_dir, target.parent)
    bert = AutoModel.from_pretrained(str(model_dir)).eval()

    class Hidden(torch.nn.Module):
        """Token ids in, last hidden states out (keyword call: forward signatures vary)."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    model = Hidden().eval()
    ids = torch.ones((2, 8), dtype=torch.long)
    mask = torch.ones_like(ids)
    mask[1, 5:] = 0  # padded, so the trace keeps the attention mask
    axes = {0: "batch", 1: "tokens"}
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    with torch.no_grad():
        torch.onnx.export(
            model,
            (ids, mask, torch.zeros_like(ids)),
            str(tmp),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                "last_hidden_state": axes,
            },
            opset_version=OPSET,
            dynamo=False,
        )
    tmp.replace(target)


def _float_nodes(graph: Path) -> list[str]:
    """MatMuls left in float32: each BERT layer's feed-forward output projection.

    Its input (after GELU) has the widest activation range of the layer, so
    quantising it per call costs the most precision: kept in float32, the
    vectors' mean cosine to float32 goes from 0.992 to 0.996 (minimum 0.977 to
    0.991) for about a fifth of int8's speed-up (benchmarks/encoder_levers.py).
    """
    import onnx

    model = onnx.load(str(graph), load_external_data=False)
    return [
        node.name
        for node in model.graph.node
        if node.op_type == "MatMul"
        and node.name.endswith("/output/dense/MatMul")
        and "/attention/" not in node.name
    ]


def _quantize(source: Path, target: Path) -> None:
    """Int8 weights for the MatMuls of `source` but `_float_nodes` (activations per call)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = target.with_suffix(f".tmp{os.getpid()}")
    quantize_dynamic(
        str(source),
        str(tmp),
        weight_type=QuantType.QInt8,
        per_channel=True,
        nodes_to_exclude=_float_nodes(source),
    )
    tmp.replace(target)


def exported_graph(model_dir: Path, *, quantize: bool, cache: Path | None = None) -> Path:
    """The cached ONNX graph of `model_dir`, exported (and quantised) on first use.

    A graph already in the cache is used as it is, even where the cache is
    read-only (a container image that baked it in at build time).
    """
    name = f"{model_dir.name}-{_fingerprint(model_dir)}"
    wanted = "model-int8.onnx" if quantize else "model.onnx"
    found = (cache or model_cache_dir()) / name / wanted
    if found.exists():
        return found
    where = _writable_dir(cache or model_cache_dir()) / name
    where.mkdir(parents=True, exist_ok=True)
    fp32 = where / "model.onnx"
    if not fp32.exists():
        _export(model_dir, fp32)
    if not quantize:
        return fp32
    int8 = where / "model-int8.onnx"
    if not int8.exists():
        _quantize(fp32, int8)
    return int8


class OnnxEncoder:
    """ONNX Runtime on the exported graph, the model's own tokenizer, mean pooling."""

    def __init__(self, path: Path, *, quantize: bool = False, threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        graph = exported_graph(path, quantize=quantize)
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self.max_tokens = _max_seq_length(path)
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(self.max_tokens)
        self.dimension = _hidden_size(path)
        self._inputs = {i.name for i in self.session.get_inputs()}
        # Dynamic quantisation scales the activations of a whole run: with int8
        # weights each text runs alone, so its vector never depends on its batch
        # (the cache and POST rely on that); unpadded, it costs no more.
        self._step = 1 if quantize else 0
        self._sort = True  # by length, so a batch pads little (off only to measure it)

    def encode(self, texts: Sequence[str], batch_size: int) -> np.ndarray:
        """Tokenise all, encode in batches of similar length, return input order."""
        encodings = self.tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encodings])
        order = np.argsort(-lengths, kind="stable") if self._sort else np.arange(len(texts))
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        step = self._step or batch_size
        for start in range(0, len(order), step):
            rows = order[start : start + step]
            width = int(lengths[rows].max())
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.int64)
            for j, row in enumerate(rows.tolist()):
                n = lengths[row]
                ids[j, :n] = encodings[row].ids
                mask[j, :n] = 1
            feed: dict[str, Any] = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self.session.run(None, feed)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[rows] = normalize(pooled)
        return out


def _read_json(path: Path) -> dict[str, Any]:
    try:
        found: dict[str, Any] = json.loads(path.read_text())
        return found
    except (OSError, ValueError):
        return {}


def _max_seq_length(model_dir: Path) -> int:
    """Tokens the model reads: sentence-transformers' setting, else the model's maximum."""
    configured = _read_json(model_dir / "sentence_bert_config.json").get("max_seq_length")
    return int(
        configured or _read_json(model_dir / "config.json").get("max_position_embeddings", 512)
    )


def _hidden_size(model_dir: Path) -> int:
    return int(_read_json(model_dir / "config.json")["hidden_size"])


def load_encoder(path: Path, backend: str, *, threads: int | None = None) -> Encoder:
    """The encoder of `backend` (one of `BACKENDS`) for the model in `path`."""
    check_backend(backend)
    if backend.startswith("onnx"):
        pooling = _read_json(path / "1_Pooling" / "config.json")
        if pooling and not pooling.get("pooling_mode_mean_tokens"):
            raise ValueError(f"{path}: only mean-pooling models run on ONNX here; use torch")
        return OnnxEncoder(path, quantize=backend.endswith("int8"), threads=threads)
    return TorchEncoder(path, quantize=backend.endswith("int8"))
