"""The deployment files say what the image and the app need: checked without a cluster.

Kubernetes manifests, docker-compose.yml (and docker-compose.ray.yml) and the
Dockerfile are parsed and checked against each other and against the code:
probes on the service's health endpoints, the same UID, port, volume and image
everywhere (the Ray parts: the image's `ray` target), and only
`MORELIKE_*` names the settings or the CLI actually read. With
`kubernetes-validate` installed, every manifest is also validated against the
Kubernetes OpenAPI schema (offline: the package carries the schemas).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
K8S = ROOT / "deploy" / "kubernetes"
COMPOSE = ROOT / "docker-compose.yml"
COMPOSE_RAY = ROOT / "docker-compose.ray.yml"
DOCKERFILE = ROOT / "Dockerfile"

UID = 10001
PORT = 8000
KUBERNETES_VERSION = "1.30.0"

Manifest = dict[str, Any]


def load_manifests() -> list[tuple[Path, Manifest]]:
    """Every document of every YAML file under deploy/kubernetes."""
    docs = []
    for path in sorted(K8S.glob("*.y*ml")):
        for doc in yaml.safe_load_all(path.read_text()):
            if doc is not None:
                docs.append((path, doc))
    return docs


@pytest.fixture(scope="module")
def manifests() -> list[tuple[Path, Manifest]]:
    return load_manifests()


def one(manifests: list[tuple[Path, Manifest]], kind: str, name: str | None = None) -> Manifest:
    found = [
        doc
        for _, doc in manifests
        if doc.get("kind") == kind and (name is None or doc["metadata"]["name"] == name)
    ]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def pod_spec(workload: Manifest) -> Manifest:
    """The pod spec of a Deployment or a CronJob."""
    if workload["kind"] == "CronJob":
        return workload["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return workload["spec"]["template"]["spec"]


def env_names(container: Manifest) -> Iterator[str]:
    for item in container.get("env", []):
        yield item["name"]


def known_env_names() -> set[str]:
    """Every MORELIKE_* variable the service settings or a `morelike` command reads."""
    from service.cli import cli
    from service.settings import ENV_PREFIX, Settings

    names = {ENV_PREFIX + field.upper() for field in Settings.model_fields}

    def walk(command: click.Command) -> None:
        for param in command.params:
            envvar = getattr(param, "envvar", None)
            if isinstance(envvar, str):
                names.add(envvar)
            elif envvar:
                names.update(envvar)
        if isinstance(command, click.Group):
            for sub in command.commands.values():
                walk(sub)

    walk(cli)
    return names


def test_manifests_parse_and_kustomization_lists_them_all(
    manifests: list[tuple[Path, Manifest]],
) -> None:
    kinds = sorted(doc["kind"] for _, doc in manifests)
    assert kinds == sorted(
        [
            "ConfigMap",
            "CronJob",
            "CronJob",
            "Deployment",
            "Kustomization",
            "PersistentVolumeClaim",
            "PodDisruptionBudget",
            "Service",
        ]
    )
    for path, doc in manifests:
        assert {"apiVersion", "kind"} <= doc.keys(), path.name
        if doc["kind"] != "Kustomization":
            assert doc["metadata"]["name"].startswith("morelike"), path.name
            assert doc["metadata"]["labels"]["app.kubernetes.io/name"] == "morelike"
    kustomization = one(manifests, "Kustomization")
    listed = set(kustomization["resources"])
    on_disk = {p.name for p, d in manifests if d["kind"] != "Kustomization"}
    assert listed == on_disk


def test_deployment_probes_resources_and_security(manifests: list[tuple[Path, Manifest]]) -> None:
    deployment = one(manifests, "Deployment")
    assert deployment["spec"]["replicas"] >= 2
    assert deployment["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    spec = pod_spec(deployment)
    (container,) = spec["containers"]
    assert container["args"][:2] == ["morelike", "serve"]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {"http": PORT}

    probes = {
        kind: container[kind]["httpGet"]
        for kind in ("startupProbe", "readinessProbe", "livenessProbe")
    }
    assert probes["readinessProbe"]["path"] == "/readyz"
    assert probes["livenessProbe"]["path"] == "/healthz"
    assert probes["startupProbe"]["path"] == "/healthz"
    for probe in probes.values():
        assert probe["port"] in ports or probe["port"] in ports.values()

    resources = container["resources"]
    assert {"cpu", "memory"} <= resources["requests"].keys()
    assert "memory" in resources["limits"]

    security = spec["securityContext"]
    assert security["runAsNonRoot"] is True
    assert security["runAsUser"] == UID and security["fsGroup"] == UID
    assert container["securityContext"]["allowPrivilegeEscalation"] is False
    assert container["securityContext"]["readOnlyRootFilesystem"] is True
    mounts = {m["mountPath"]: m for m in container["volumeMounts"]}
    assert not mounts["/data"].get("readOnly")  # the admin API journals live changes
    assert "/tmp" in mounts, "a read-only root needs a writable /tmp (gunicorn, metrics)"

    # SIGTERM, then gunicorn's graceful timeout (30 s by default) must fit the grace period.
    from service.settings import Settings

    graceful = Settings.model_fields["graceful_timeout"].default
    assert spec["terminationGracePeriodSeconds"] > graceful


def test_selectors_match_the_pods(manifests: list[tuple[Path, Manifest]]) -> None:
    deployment = one(manifests, "Deployment")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    selector = deployment["spec"]["selector"]["matchLabels"]
    assert selector.items() <= pod_labels.items()

    service = one(manifests, "Service")
    assert service["spec"]["selector"].items() <= pod_labels.items()
    (port,) = service["spec"]["ports"]
    assert port["targetPort"] == "http"

    pdb = one(manifests, "PodDisruptionBudget")
    assert pdb["spec"]["selector"]["matchLabels"].items() <= pod_labels.items()
    assert pdb["spec"]["minAvailable"] < deployment["spec"]["replicas"]

    cronjob = one(manifests, "CronJob", "morelike-rebuild")
    job_labels = cronjob["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"]
    assert not selector.items() <= job_labels.items(), "job pods must not join the Service"


def test_cronjob_rebuilds_into_the_volume_the_service_reads(
    manifests: list[tuple[Path, Manifest]],
) -> None:
    deployment = one(manifests, "Deployment")
    cronjob = one(manifests, "CronJob", "morelike-rebuild")
    pvc, config = one(manifests, "PersistentVolumeClaim"), one(manifests, "ConfigMap")
    assert cronjob["spec"]["concurrencyPolicy"] == "Forbid"
    job_spec = pod_spec(cronjob)
    assert job_spec["restartPolicy"] in ("Never", "OnFailure")
    (job,) = job_spec["containers"]
    (svc,) = pod_spec(deployment)["containers"]
    assert job["args"][:2] == ["morelike", "build"]
    assert job["image"] == svc["image"]
    assert job_spec["securityContext"]["runAsUser"] == UID

    for spec, container in ((pod_spec(deployment), svc), (job_spec, job)):
        claims = {
            v["name"]: v["persistentVolumeClaim"]["claimName"]
            for v in spec["volumes"]
            if "persistentVolumeClaim" in v
        }
        data = next(m for m in container["volumeMounts"] if m["mountPath"] == "/data")
        assert claims[data["name"]] == pvc["metadata"]["name"]
        refs = [e["configMapRef"]["name"] for e in container["envFrom"] if "configMapRef" in e]
        assert refs == [config["metadata"]["name"]]
        env = {e["name"]: e.get("value") for e in container.get("env", [])}
        assert env.get("MORELIKE_DATA_DIR") == "/data"
    assert not any(m.get("readOnly") for m in job["volumeMounts"] if m["mountPath"] == "/data")
    assert pvc["spec"]["resources"]["requests"]["storage"]
    (sync,) = pod_spec(one(manifests, "CronJob", "morelike-sync"))["containers"]
    assert sync["args"][:2] == ["morelike", "sync"] and sync["image"] == svc["image"]
    # the service and the sync job write the journal on the volume
    for container in (svc, sync):
        assert not any(m.get("readOnly") for m in container["volumeMounts"])


def test_settings_names_are_ones_the_code_reads(manifests: list[tuple[Path, Manifest]]) -> None:
    known = known_env_names()
    config = one(manifests, "ConfigMap")["data"]
    assert re.match(r"rediss?://", config["MORELIKE_REDIS_URL"]), "Redis is external, by URL"
    used = set(config)
    for _, doc in manifests:
        if doc.get("kind") in ("Deployment", "CronJob"):
            for container in pod_spec(doc)["containers"]:
                used.update(env_names(container))
    for path in (COMPOSE, COMPOSE_RAY):
        for service in yaml.safe_load(path.read_text())["services"].values():
            used.update(k for k in service.get("environment", {}) if k.startswith("MORELIKE_"))
    assert all(isinstance(v, str) for v in config.values()), "ConfigMap values must be strings"
    unknown = sorted(used - known)
    assert not unknown, f"not read by any setting or command: {unknown}"


def test_compose_runs_redis_service_and_one_shot_rebuild() -> None:
    compose = yaml.safe_load(COMPOSE.read_text())
    services = compose["services"]
    assert {"redis", "service", "rebuild"} <= services.keys()
    service, rebuild = services["service"], services["rebuild"]
    assert service["image"] == rebuild["image"]
    assert rebuild["command"][:2] == ["morelike", "build"]
    assert rebuild["restart"] == "no"
    assert service["depends_on"]["rebuild"]["condition"] == "service_completed_successfully"
    assert "redis" in service["depends_on"]
    assert service["environment"]["MORELIKE_REDIS_URL"].startswith("redis://redis:")
    assert any(str(p).endswith(f":{PORT}") for p in service["ports"])

    volume = next(iter(compose["volumes"]))
    assert f"{volume}:/data" in service["volumes"]  # the admin API writes the journal
    assert f"{volume}:/data" in rebuild["volumes"]
    assert services["sync"]["command"][:2] == ["morelike", "sync"]


def dockerfile_stages() -> list[tuple[str, list[str]]]:
    """(FROM line, instructions) per stage, with continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text())
    stages: list[tuple[str, list[str]]] = [("global", [])]
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.upper().startswith("FROM "):
            stages.append((line, []))
        else:
            stages[-1][1].append(line)
    return stages


def declared_args(instructions: list[str]) -> set[str]:
    """Names of the ARG instructions among `instructions`."""
    return {
        line.split()[1].split("=")[0] for line in instructions if line.upper().startswith("ARG ")
    }


def test_dockerfile_declares_every_arg_in_the_stage_that_uses_it() -> None:
    stages = dockerfile_stages()
    global_args = declared_args(stages[0][1])
    assert len(stages) >= 3, "multi-stage: a builder and a runtime"
    for from_line, instructions in stages[1:]:
        used_in_from = set(re.findall(r"\$\{?(\w+)", from_line))
        assert used_in_from <= global_args, from_line
        declared = declared_args(instructions)
        env = {
            m
            for line in instructions
            if line.upper().startswith("ENV ")
            for m in re.findall(r"(\w+)=", line)
        }
        for line in instructions:
            if line.upper().startswith(("ARG ", "HEALTHCHECK ")):
                continue
            for name in re.findall(r"\$\{?([A-Za-z_]\w*)", line):
                if name.isupper() and name not in env and name != "PATH":
                    assert name in declared, f"{name} used but not declared in {from_line!r}"


def stage(stages: list[tuple[str, list[str]]], name: str) -> list[str]:
    """The instructions of the stage `FROM ... AS name`."""
    (found,) = [lines for line, lines in stages if line.lower().endswith(f" as {name}")]
    return found


def test_dockerfile_runtime_is_non_root_with_init_and_healthcheck() -> None:
    stages = dockerfile_stages()
    runtime = stage(stages, "runtime")
    text = "\n".join(runtime)
    uid = re.search(r"ARG MORELIKE_UID=(\d+)", text)
    assert uid and int(uid.group(1)) == UID
    assert re.search(r"^USER \$\{MORELIKE_UID\}", text, re.M)
    assert re.search(r'^ENTRYPOINT \["/usr/bin/tini", "--"\]', text, re.M)
    assert re.search(r'^CMD \["morelike", "serve"\]', text, re.M)
    assert re.search(r"^HEALTHCHECK .*/healthz", text, re.M)
    assert re.search(rf"^EXPOSE {PORT}$", text, re.M)
    assert "COPY --from=builder /opt/venv /opt/venv" in text
    for name in ("MORELIKE_DATA_DIR=/data", "HF_HUB_OFFLINE=1", "TRANSFORMERS_OFFLINE=1"):
        assert name in text
    builder = "\n".join(stages[1][1])
    assert "PIP_NO_INDEX=1" in builder, "the image installs from the wheelhouse only"
    assert '"torch==${TORCH_VERSION}+cpu"' in builder


def test_dockerfile_default_target_is_the_service_and_ray_is_a_target_on_top() -> None:
    stages = dockerfile_stages()
    # The last stage is what a build without --target gives: the runtime, nothing added.
    assert stages[-1] == ("FROM runtime AS service", [])
    assert not any("ray" in line for line in stage(stages, "runtime"))
    ray = "\n".join(stage(stages, "ray"))
    assert [line for line, _ in stages if line.endswith(" AS ray")] == ["FROM runtime AS ray"]
    # The extra from the same wheelhouse, with no index, and no wheel left in a layer.
    assert "--mount=type=bind,from=builder,source=/wheels,target=/wheels" in ray
    assert "PIP_NO_INDEX=1" in ray and '"morelike[ray]"' in ray
    assert "import ray" in ray, "the build proves the extra imports"
    assert re.search(r"^USER \$\{MORELIKE_UID\}", ray, re.M), "back to the non-root user"
    assert "HEALTHCHECK NONE" in ray, "Ray nodes serve no /healthz"


def test_dockerignore_is_an_allow_list() -> None:
    lines = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*"
    allowed = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    assert {"pyproject.toml", "indexer", "service", "wheels", "samples"} <= allowed
    assert not allowed & {".venv", ".git", "var", "tests"}


def test_manifests_match_the_kubernetes_schema(manifests: list[tuple[Path, Manifest]]) -> None:
    kubernetes_validate = pytest.importorskip("kubernetes_validate")
    for _path, doc in manifests:
        if doc["kind"] == "Kustomization":
            continue
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


RAY_K8S = K8S / "ray"


def ray_manifests() -> list[tuple[Path, Manifest]]:
    """The KubeRay example: a RayCluster and the Job that builds on it."""
    return [
        (path, doc)
        for path in sorted(RAY_K8S.glob("*.y*ml"))
        for doc in yaml.safe_load_all(path.read_text())
        if doc is not None
    ]


def test_kuberay_build_runs_on_the_cluster_into_the_volume_the_service_reads(
    manifests: list[tuple[Path, Manifest]],
) -> None:
    docs = ray_manifests()
    assert sorted(doc["kind"] for _, doc in docs) == ["Job", "Kustomization", "RayCluster"]
    kustomization = one(docs, "Kustomization")
    assert set(kustomization["resources"]) == {p.name for p, d in docs if d is not kustomization}
    (svc,) = pod_spec(one(manifests, "Deployment"))["containers"]
    pvc, config = one(manifests, "PersistentVolumeClaim"), one(manifests, "ConfigMap")

    cluster = one(docs, "RayCluster")
    assert cluster["apiVersion"] == "ray.io/v1"
    assert cluster["metadata"]["labels"]["app.kubernetes.io/name"] == "morelike"
    head = cluster["spec"]["headGroupSpec"]
    assert head["rayStartParams"]["num-cpus"] == "0", "the head schedules, workers embed"
    pods = [head["template"]["spec"]] + [
        g["template"]["spec"] for g in cluster["spec"]["workerGroupSpecs"]
    ]
    # The image's `ray` target, tagged as the service's with -ray, here and by kustomize.
    ray_image = f"{svc['image']}-ray"
    base_tag = one(manifests, "Kustomization")["images"][0]["newTag"]
    assert kustomization["images"][0]["newTag"] == f"{base_tag}-ray"
    for spec in pods:
        (container,) = spec["containers"]
        assert container["image"] == ray_image
        assert spec["securityContext"]["runAsUser"] == UID
    for group in cluster["spec"]["workerGroupSpecs"]:
        (worker,) = group["template"]["spec"]["containers"]
        assert {"cpu", "memory"} <= worker["resources"]["requests"].keys()
        assert group["minReplicas"] <= group["replicas"] <= group["maxReplicas"]

    job = one(docs, "Job")
    spec = job["spec"]["template"]["spec"]
    assert spec["restartPolicy"] == "Never"
    (build,) = spec["containers"]
    assert build["image"] == ray_image
    assert "morelike build --ray" in " ".join(build["args"])
    env = {e["name"]: e.get("value") for e in build["env"]}
    assert env["MORELIKE_DATA_DIR"] == "/data"
    assert env["MORELIKE_RAY"] == f"{cluster['metadata']['name']}-head-svc:6379"
    # It waits for no more worker nodes than the cluster runs.
    workers = sum(g["replicas"] for g in cluster["spec"]["workerGroupSpecs"])
    assert 1 <= int(env["MORELIKE_RAY_NODES"]) <= workers
    claims = {
        v["name"]: v["persistentVolumeClaim"]["claimName"]
        for v in spec["volumes"]
        if "persistentVolumeClaim" in v
    }
    data = next(m for m in build["volumeMounts"] if m["mountPath"] == "/data")
    assert claims[data["name"]] == pvc["metadata"]["name"] and not data.get("readOnly")
    refs = [e["configMapRef"]["name"] for e in build["envFrom"] if "configMapRef" in e]
    assert refs == [config["metadata"]["name"]]
    assert set(env) <= known_env_names() | {"HF_HUB_OFFLINE"}

    kubernetes_validate = pytest.importorskip("kubernetes_validate")
    kubernetes_validate.validate(job, KUBERNETES_VERSION, strict=True)


def test_compose_ray_file_builds_through_a_head_and_workers() -> None:
    main = yaml.safe_load(COMPOSE.read_text())
    compose = yaml.safe_load(COMPOSE_RAY.read_text())
    services = compose["services"]
    assert set(services) == {"ray-head", "ray-worker", "rebuild-ray"}
    assert not set(services) & set(main["services"]), "the main stack starts no Ray service"
    head, worker, build = services["ray-head"], services["ray-worker"], services["rebuild-ray"]
    for service in (head, worker, build):
        # No profiles (podman-compose 1.0.3 ignores them); the image's `ray` target.
        assert "profiles" not in service
        assert service["image"] == "${MORELIKE_RAY_IMAGE:-morelike:ray}"
        assert service["build"] == {"context": ".", "target": "ray"}
    assert head["command"][:3] == ["ray", "start", "--head"] and "--num-cpus=0" in head["command"]
    assert "--address=ray-head:6379" in worker["command"]
    assert worker["deploy"]["replicas"] >= 2
    assert "morelike build --ray" in " ".join(build["command"])
    assert build["environment"]["MORELIKE_RAY"] == "ray-head:6379"
    # Both stages start on every worker: the job waits until they have joined.
    assert int(build["environment"]["MORELIKE_RAY_NODES"]) == worker["deploy"]["replicas"]
    assert build["restart"] == "no"
    volume = next(iter(main["volumes"]))
    assert set(compose["volumes"]) == {volume}, "the volume the main stack's service reads"
    assert f"{volume}:/data" in build["volumes"]
    assert "profiles" not in main["services"]["rebuild"], "the default stack is unchanged"
