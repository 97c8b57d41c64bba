#!/usr/bin/env bash
# Installs what Slim's samples and tests need on a Debian 12 machine:
# binutils (strip), gcc (NativeAOT linker, test fixtures), upx (bookworm-backports),
# podman with runc (no Docker engine here), skopeo, debootstrap (stand-in images), file, curl, python3,
# qemu-user-static and binfmt-support (arm64 images run under emulation; binfmt_misc mounted and qemu-aarch64 registered),
# chromium (report.html is checked in a headless browser), node and npm (the SBOM schema check), Debian's docker-registry binary (downloaded and
# unpacked into artifacts/tools, never installed: its package starts a system service on :5000), and the
# npm packages the SBOM test validates with (ajv, the CycloneDX JSON schemas, exact versions) into artifacts/tools.
# Idempotent: a machine that has everything does nothing.
# First checks the one thing it does not install: the .NET SDK of the band global.json pins.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# The .NET SDK: Debian 12 has no .NET 10 package, so say where to get it before anything else.
sdk_pin=$(grep -o '"version" *: *"[^"]*"' "$root/global.json" | head -1 | cut -d'"' -f4)
sdk_band=${sdk_pin%??}xx                       # 10.0.401 -> 10.0.4xx (rollForward latestPatch)
sdk_help="Slim needs the .NET SDK $sdk_band: $sdk_pin or a later $sdk_band patch (global.json pins it).
Debian 12 has no .NET 10 package of its own. Get it with Microsoft's dotnet-install script and put it on PATH:
  curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel $sdk_band --install-dir \$HOME/.dotnet
  export DOTNET_ROOT=\$HOME/.dotnet PATH=\$HOME/.dotnet:\$PATH
(--channel 10.0 installs the newest 10.0 SDK, which must be in the $sdk_band band), or on Debian 12 install
dotnet-sdk-10.0 from packages.microsoft.com (https://learn.microsoft.com/dotnet/core/install/linux-debian)
if it ships $sdk_band."
if command -v dotnet >/dev/null 2>&1; then
  dotnet=$(command -v dotnet)
elif [ -n "${DOTNET_ROOT:-}" ] && [ -x "$DOTNET_ROOT/dotnet" ]; then
  echo "bootstrap: .NET SDK: $DOTNET_ROOT/dotnet exists but is not on PATH; the scripts call 'dotnet':" >&2
  echo "  export PATH=$DOTNET_ROOT:\$PATH" >&2
  exit 1
else
  echo "bootstrap: no .NET SDK: 'dotnet' is not on PATH${DOTNET_ROOT:+ nor in DOTNET_ROOT=$DOTNET_ROOT}." >&2
  echo "$sdk_help" >&2
  exit 1
fi
have_sdk=""
while read -r v _; do
  case "$v" in
    "${sdk_pin%??}"[0-9][0-9])   # same band, a release (no -preview/-rc suffix)
      [ "${v##*.}" -ge "${sdk_pin##*.}" ] && have_sdk=$v ;;
  esac
done < <("$dotnet" --list-sdks 2>/dev/null || true)
if [ -z "$have_sdk" ]; then
  echo "bootstrap: $dotnet has no .NET SDK $sdk_band >= $sdk_pin; it has: $("$dotnet" --list-sdks 2>/dev/null | cut -d' ' -f1 | tr '\n' ' ')" >&2
  echo "$sdk_help" >&2
  exit 1
fi

SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

need_apt=()
for tool in strip:binutils gcc:gcc clang:clang file:file curl:curl podman:podman runc:runc skopeo:skopeo debootstrap:debootstrap chromium:chromium node:nodejs npm:npm; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need_apt+=("${tool##*:}")
done
# Multi-architecture images: the arm64 image runs under qemu (docs/multiarch.md).
[ -x /usr/bin/qemu-aarch64-static ] || need_apt+=(qemu-user-static)
command -v update-binfmts >/dev/null 2>&1 || need_apt+=(binfmt-support)
# NativeAOT for another architecture (linux-arm64 on x64): clang links with lld against a sysroot Slim unpacks from
# Debian's packages, and llvm-objcopy splits the symbols of a foreign ELF (docs/multiarch.md).
command -v ld.lld >/dev/null 2>&1 || need_apt+=(lld)
command -v llvm-objcopy >/dev/null 2>&1 || need_apt+=(llvm)
# NativeAOT links against zlib.
[ -e /usr/include/zlib.h ] || need_apt+=(zlib1g-dev)

if ! command -v upx >/dev/null 2>&1; then
  # UPX is not in bookworm's main archive; backports carries upx-ucl 4.x.
  if ! grep -rqs bookworm-backports /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "deb http://deb.debian.org/debian bookworm-backports main" | $SUDO tee /etc/apt/sources.list.d/slim-backports.list >/dev/null
  fi
  need_upx=1
fi

if [ ${#need_apt[@]} -gt 0 ] || [ "${need_upx:-0}" = 1 ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  [ ${#need_apt[@]} -eq 0 ] || $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  [ "${need_upx:-0}" = 1 ] && $SUDO apt-get install -y -qq -t bookworm-backports upx-ucl >/dev/null
fi

# binfmt_misc: no systemd mounts it here, and binfmt-support's install script registers nothing until it is
# mounted. Root only (mount and update-binfmts); without root a machine that lacks it is told how.
if [ ! -f /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then
  [ -f /proc/sys/fs/binfmt_misc/status ] || $SUDO mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc
  $SUDO update-binfmts --enable qemu-aarch64
fi
[ -f /proc/sys/fs/binfmt_misc/qemu-aarch64 ] || { echo "bootstrap: qemu-aarch64 is not registered in binfmt_misc" >&2; exit 1; }

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
# Debian's docker-registry for the registry tests: the binary only, run by the tests on loopback.
tools="$root/artifacts/tools"
registry_bin="$tools/docker-registry/usr/bin/docker-registry"
if [ ! -x "$registry_bin" ]; then
  rm -rf "$tools/docker-registry"; mkdir -p "$tools/docker-registry"
  ( cd "$tools/docker-registry" && apt-get download docker-registry >/dev/null 2>&1 )
  dpkg-deb -x "$tools/docker-registry"/docker-registry_*.deb "$tools/docker-registry"
  rm -f "$tools/docker-registry"/docker-registry_*.deb
fi

# The SBOM test validates against CycloneDX's own JSON schemas with ajv. Exact versions: the schema a test
# checks against changes only when this line does (a changed pin installs again). Only the schema files and ajv
# are read: --ignore-scripts keeps npm from compiling the library's optional native XML modules (minutes here).
node_pins="ajv@8.20.0 ajv-formats@3.0.1 @cyclonedx/cyclonedx-library@6.13.1"
if [ "$(cat "$tools/node/pins" 2>/dev/null)" != "$node_pins" ]; then
  rm -rf "$tools/node"; mkdir -p "$tools/node"
  # shellcheck disable=SC2086 # one word per package
  ( cd "$tools/node" && npm install --silent --no-audit --no-fund --save-exact --ignore-scripts --prefix . $node_pins >/dev/null )
  echo "$node_pins" > "$tools/node/pins"
fi

echo "bootstrap: .NET SDK $have_sdk ($dotnet), strip $(command -v strip), upx $(command -v upx), podman $(command -v podman), qemu-aarch64 $(head -1 /proc/sys/fs/binfmt_misc/qemu-aarch64)"
