# Morelike: one image, two roles.
#   service (default):  docker run -v morelike-data:/data -p 8000:8000 morelike
#   rebuild job:        docker run -v morelike-data:/data morelike morelike build --source /data/in.jsonl
# Configuration only through MORELIKE_* environment variables and the /data volume.
#
# Targets: the default (the last stage) is the lean service image above. The
# `ray` target is the same image plus the `ray` extra, one layer on top, for the
# nodes of a Ray cluster and `morelike build --ray` (docs/ray-build.md):
#   docker build -t morelike:0.1.0 .  &&  docker build --target ray -t morelike:0.1.0-ray .
#
# Build: `make wheels` first. The image installs only from that wheelhouse
# (pip --no-index), so the build needs no route to a Python package index, and
# torch is the CPU build pinned by TORCH_VERSION.

ARG BASE_IMAGE=docker.io/library/debian:bookworm-slim

# --- builder: a virtual environment from the wheelhouse -----------------------
FROM ${BASE_IMAGE} AS builder

ARG TORCH_VERSION=2.13.0

ENV DEBIAN_FRONTEND=noninteractive \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_INDEX=1 \
    PIP_FIND_LINKS=/wheels

RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 python3-venv \
 && rm -rf /var/lib/apt/lists/*

RUN python3 -m venv /opt/venv

COPY wheels/ /wheels/

# The wheelhouse's pip (Debian's 23.0 mishandles normalized extras), then torch
# on its own layer: the largest dependency, and it changes least.
# --no-compile: byte-code is written below only for the modules the app imports
# (all of it would add about 250 MB of .pyc files).
RUN /opt/venv/bin/pip install --upgrade pip \
 && /opt/venv/bin/pip install --no-compile "torch==${TORCH_VERSION}+cpu"

COPY pyproject.toml README.md /src/
COPY indexer/ /src/indexer/
COPY service/ /src/service/

# Install the project with no torch but the pinned CPU build; drop what a
# runtime never uses (C++ headers, CMake files, test suites); then start the app
# (no snapshot yet) and embed one sentence with the bundled model, offline. That
# proves the environment works, compiles the byte-code of what the app imports
# and exports the default encoder's int8 ONNX graph into MORELIKE_MODEL_CACHE
# (34 MB; its 90 MB float32 intermediate is dropped: `--backend onnx` exports it
# again into a writable cache if ever asked for).
RUN /opt/venv/bin/pip install --no-compile "torch==${TORCH_VERSION}+cpu" /src \
 && site=$(/opt/venv/bin/python -c "import sysconfig; print(sysconfig.get_path('purelib'))") \
 && rm -rf "$site/torch/include" "$site/torch/share/cmake" \
 && find "$site" -mindepth 2 -depth -type d \( -name tests -o -name test \) \
      -not -path '*/torch/testing/*' -prune -exec rm -rf {} + \
 && cd /tmp \
 && HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 MORELIKE_DATA_DIR=/tmp/no-snapshot \
    MORELIKE_MODEL_CACHE=/opt/venv/share/morelike-models \
    /opt/venv/bin/python -c "\
import torch, faiss, service.cli; \
from service import create_app; \
from indexer.embedder import Embedder; \
assert torch.__version__ == '${TORCH_VERSION}+cpu', torch.__version__; \
assert create_app().test_client().get('/healthz').status_code == 200; \
print('torch', torch.__version__, 'faiss', faiss.__version__, \
      'vector', Embedder().encode_texts(['warm up']).shape)" \
 && rm -rf /tmp/no-snapshot /tmp/morelike-* \
 && rm -f /opt/venv/share/morelike-models/*/model.onnx

# --- runtime: Debian's python, the venv, tini, a fixed non-root user ------------
FROM ${BASE_IMAGE} AS runtime

ARG MORELIKE_UID=10001
ARG MORELIKE_GID=10001
ARG VERSION=0.1.0

LABEL org.opencontainers.image.title="morelike" \
      org.opencontainers.image.description="Self-hosted 'You might also like' related-articles service" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT"

ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 tini ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid "${MORELIKE_GID}" morelike \
 && useradd --system --uid "${MORELIKE_UID}" --gid "${MORELIKE_GID}" \
      --home-dir /home/morelike --create-home --shell /usr/sbin/nologin morelike \
 && install -d -o "${MORELIKE_UID}" -g "${MORELIKE_GID}" -m 0755 /data

COPY --from=builder /opt/venv /opt/venv
# Plain `gunicorn -c /etc/morelike/gunicorn.conf.py` runs what `morelike serve` runs.
COPY gunicorn.conf.py /etc/morelike/gunicorn.conf.py
COPY samples/ /opt/morelike/samples/

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    HF_HUB_DISABLE_TELEMETRY=1 \
    TOKENIZERS_PARALLELISM=false \
    MORELIKE_DATA_DIR=/data \
    MORELIKE_MODEL_CACHE=/opt/venv/share/morelike-models \
    MORELIKE_HOST=0.0.0.0 \
    MORELIKE_PORT=8000 \
    MORELIKE_WORKERS=2

USER ${MORELIKE_UID}:${MORELIKE_GID}
WORKDIR /home/morelike
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python3", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/healthz' % os.environ.get('MORELIKE_PORT', '8000'), timeout=4)"]

# tini is PID 1: it forwards SIGTERM to gunicorn (which finishes in-flight
# requests) and reaps zombies.
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["morelike", "serve"]

# --- ray: the service image plus morelike[ray] (`--target ray`) ----------------
# One layer over `runtime`, so a registry and a node share everything else. The
# extra comes from the same wheelhouse, bind-mounted from the builder (no wheel
# stays in a layer), with no index. Its Java jars are dropped (no Java workers).
# Ray nodes are watched by Ray (and KubeRay's probes), not by /healthz.
FROM runtime AS ray

ARG MORELIKE_UID=10001
ARG MORELIKE_GID=10001
ARG VERSION=0.1.0

LABEL org.opencontainers.image.title="morelike-ray" \
      org.opencontainers.image.description="Morelike with Ray: the nodes and the driver of morelike build --ray" \
      org.opencontainers.image.version="${VERSION}-ray"

USER root
RUN --mount=type=bind,from=builder,source=/wheels,target=/wheels \
    PIP_NO_INDEX=1 PIP_FIND_LINKS=/wheels PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    /opt/venv/bin/pip install --no-compile "morelike[ray]" \
 && site=$(/opt/venv/bin/python -c "import sysconfig; print(sysconfig.get_path('purelib'))") \
 && rm -rf "$site/ray/jars" \
 && find "$site/ray" -depth -type d \( -name tests -o -name test \) -prune -exec rm -rf {} + \
 && cd /tmp \
 && env -u PYTHONDONTWRITEBYTECODE /opt/venv/bin/python -c "\
import ray, ray.util.scheduling_strategies, indexer.distributed; \
print('ray', ray.__version__)" \
 && /opt/venv/bin/ray --version
USER ${MORELIKE_UID}:${MORELIKE_GID}

HEALTHCHECK NONE

# --- service: the default target, the lean runtime image (no Ray) --------------
FROM runtime AS service
