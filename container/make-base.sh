#!/usr/bin/env bash
# Build a local stand-in for debian:bookworm-slim with debootstrap and import it
# into podman under the exact name the Dockerfile's FROM uses. There is no
# container registry to pull from on CI, so the base is made here from Debian's
# own packages. Cached: does nothing when the image already exists.
#
# Usage: container/make-base.sh [IMAGE]   (root; CONTAINERS_CONF may be set)
set -euo pipefail

IMAGE=${1:-docker.io/library/debian:bookworm-slim}
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEBIAN_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

if podman image exists "$IMAGE"; then
  echo "base image $IMAGE exists: skipping debootstrap"
  exit 0
fi

command -v debootstrap >/dev/null || {
  echo "debootstrap is missing (apt-get install debootstrap)" >&2
  exit 1
}

rootfs=$(mktemp -d /var/tmp/morelike-rootfs.XXXXXX)
cleanup() {
  # Never follow mounts debootstrap may have left behind into the host.
  for m in proc sys dev/pts dev; do
    if mountpoint -q "$rootfs/$m" 2>/dev/null; then umount -l "$rootfs/$m" || true; fi
  done
  rm -rf --one-file-system "$rootfs" "$rootfs.log"
}
trap cleanup EXIT

echo "debootstrap $SUITE (minbase) from $MIRROR into $rootfs"
timeout 900 debootstrap --variant=minbase --components=main "$SUITE" "$rootfs" "$MIRROR" \
  >"$rootfs.log" 2>&1 || {
  tail -30 "$rootfs.log" >&2
  exit 1
}

# The same trims the official slim image makes: no docs, man pages or locales
# from later installs, no cached .debs, no translated package lists.
cat >"$rootfs/etc/dpkg/dpkg.cfg.d/docker" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF
cat >"$rootfs/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
echo 'Acquire::Languages "none";' >"$rootfs/etc/apt/apt.conf.d/docker-no-languages"
echo 'APT::Install-Recommends "false";' >"$rootfs/etc/apt/apt.conf.d/docker-no-recommends"

rm -f "$rootfs/etc/apt/sources.list"
cat >"$rootfs/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF

# What an image must not carry: package lists, caches, logs, machine identity.
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/log/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/locale/* "$rootfs"/tmp/* "$rootfs"/var/tmp/*
find "$rootfs/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
: >"$rootfs/etc/machine-id"
rm -f "$rootfs/etc/hostname" "$rootfs/etc/resolv.conf"

echo "importing $IMAGE"
tar --numeric-owner --xattrs -C "$rootfs" -c . |
  podman import --change 'CMD ["bash"]' --change 'ENV LANG=C.UTF-8' - "$IMAGE" >/dev/null
podman image ls "$IMAGE"
