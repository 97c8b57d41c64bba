#!/usr/bin/env bash
# Installs what Slim's samples and tests need on a Debian 12 machine:
# binutils (strip), gcc (NativeAOT linker, test fixtures), upx (bookworm-backports),
# podman with runc (no Docker engine here), skopeo, debootstrap (stand-in images), file, curl, python3.
# Idempotent: a machine that has everything does nothing.
set -euo pipefail

need_apt=()
for tool in strip:binutils gcc:gcc clang:clang file:file curl:curl podman:podman runc:runc skopeo:skopeo debootstrap:debootstrap; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need_apt+=("${tool##*:}")
done
# NativeAOT links against zlib.
[ -e /usr/include/zlib.h ] || need_apt+=(zlib1g-dev)

if ! command -v upx >/dev/null 2>&1; then
  # UPX is not in bookworm's main archive; backports carries upx-ucl 4.x.
  if ! grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deb http://deb.debian.org/debian bookworm-backports main" > /etc/apt/sources.list.d/slim-backports.list
  fi
  need_upx=1
fi

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#need_apt[@]} -gt 0 ] || [ "${need_upx:-0}" = 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  [ ${#need_apt[@]} -eq 0 ] || $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  [ "${need_upx:-0}" = 1 ] && $SUDO apt-get install -y -qq -t bookworm-backports upx-ucl >/dev/null
fi

# Podman on this kind of machine: no systemd, no overlay, no cgroup delegation.
conf_dir=${XDG_CONFIG_HOME:-$HOME/.config}/containers
mkdir -p "$conf_dir"
[ -f "$conf_dir/containers.conf" ] || cat > "$conf_dir/containers.conf" <<'CONF'
[containers]
default_ulimits = []

[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"
events_logger = "file"
CONF
[ -f "$conf_dir/storage.conf" ] || cat > "$conf_dir/storage.conf" <<'CONF'
[storage]
driver = "vfs"
CONF
echo "bootstrap: strip $(command -v strip), upx $(command -v upx), podman $(command -v podman)"
