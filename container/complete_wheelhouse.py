"""Add to a wheelhouse what the image's Python needs but the host's did not.

`pip wheel` evaluates environment markers for the interpreter running it. The
image runs Debian bookworm's python3 (3.11.2), the host may run another 3.11.x,
and some requirements differ between them (redis needs `async-timeout` only on
Python < 3.11.3). This reads every wheel's `Requires-Dist`, evaluates the markers
for the target interpreter and fetches, with `pip wheel`, each requirement that
applies there but has no wheel in the house yet; repeated until nothing is missing.

The project's own wheel is read too, with the extras the image installs
(`--project 'morelike[ray]'`: the `ray` target installs `morelike[ray]`), so
that a requirement of an extra with a marker for the target is not missed.

Usage: python complete_wheelhouse.py WHEELHOUSE [--python-full-version 3.11.2]
       [--project 'NAME[EXTRA,...]'] [PIP_ARGS...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

try:
    from packaging.markers import default_environment
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name, parse_wheel_filename
except ImportError:  # a bare venv: pip carries its own copy
    from pip._vendor.packaging.markers import default_environment
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.utils import canonicalize_name, parse_wheel_filename


def target_environment(full_version: str) -> dict[str, str]:
    """Marker environment of the image's interpreter: the host's with another version."""
    env = dict(default_environment())
    env["python_full_version"] = full_version
    env["python_version"] = ".".join(full_version.split(".")[:2])
    env["implementation_version"] = full_version
    return env


def wheel_requirements(wheel: Path) -> list[Requirement]:
    """The `Requires-Dist` entries of one wheel's METADATA."""
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(zf.read(name).decode("utf-8"))
    return [Requirement(r) for r in meta.get_all("Requires-Dist") or []]


def missing_requirements(
    house: Path, env: dict[str, str], project: Requirement | None = None
) -> list[str]:
    """Requirements (without extras) that apply on the target and have no wheel.

    Markers are evaluated with no extra, and for the wheel of `project` also
    with each of its extras.
    """
    present = {parse_wheel_filename(w.name)[0] for w in house.glob("*.whl")}
    missing: dict[str, str] = {}
    for wheel in sorted(house.glob("*.whl")):
        extras = [""]
        if project and parse_wheel_filename(wheel.name)[0] == canonicalize_name(project.name):
            extras += sorted(project.extras)
        for req in wheel_requirements(wheel):
            applies = req.marker is None or any(
                req.marker.evaluate({**env, "extra": extra}) for extra in extras
            )
            name = canonicalize_name(req.name)
            if applies and name not in present:
                missing[name] = f"{req.name}{req.specifier}"
    return sorted(missing.values())


def main() -> int:
    """Fetch missing wheels until the wheelhouse is complete for the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("house", type=Path)
    parser.add_argument("--python-full-version", default="3.11.2")
    parser.add_argument("--project", type=Requirement, default=None)
    args, pip_args = parser.parse_known_args()
    env = target_environment(args.python_full_version)
    for _ in range(10):
        missing = missing_requirements(args.house, env, args.project)
        if not missing:
            return 0
        sys.stderr.write(f"wheelhouse: adding for Python {args.python_full_version}: {missing}\n")
        cmd = [sys.executable, "-m", "pip", "wheel", "-q", "--wheel-dir", str(args.house)]
        subprocess.run([*cmd, *pip_args, *missing], check=True)
    sys.stderr.write("wheelhouse: still incomplete after 10 rounds\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
