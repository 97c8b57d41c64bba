#!/usr/bin/env bash
# Local stand-ins for the official .NET images, which this machine cannot pull (only Debian,
# NuGet and npm are reachable). The end-to-end tests build Slim's Dockerfiles against them.
#   localhost/slim-standin-base:1      distroless-like: glibc only, user app (1654); for aot apps
#   localhost/slim-standin-sdk:10.0    Debian 12 (debootstrap) + clang, zlib, OpenSSL, ICU + this
#                                      machine's .NET SDK; the build stage, aot toolchain included
# They go into the end-to-end tests' own podman store, never the machine's default one (whose driver another
# tool may have chosen): SLIM_PODMAN_STORE, which the tests pass (tests/Slim.EndToEnd.Tests/Infrastructure/
# PodmanStore.cs); by hand, the same default folder.
# Idempotent: an image that exists is kept. Needs root (debootstrap) and podman set up by bootstrap.sh.
set -euo pipefail
work=${SLIM_STANDIN_DIR:-/tmp/slim-standin}
mkdir -p "$work"
store=${SLIM_PODMAN_STORE:-${TMPDIR:-/tmp}/slim-e2e-podman-$(id -un)}
[ ${#store} -le 46 ] || store=/tmp/slim-e2e-podman-$(id -un)   # podman refuses a runroot ($store/run) over 50 characters
mkdir -p "$store"
# The store's own configuration replaces the user's storage.conf and containers.conf (the tests write the same files).
[ -f "$store/storage.conf" ] || printf '[storage]\ndriver = "vfs"\ngraphroot = "%s/root"\nrunroot = "%s/run"\n' "$store" "$store" > "$store/storage.conf"
[ -f "$store/containers.conf" ] || printf '[containers]\ndefault_ulimits = []\n\n[engine]\ncgroup_manager = "cgroupfs"\nruntime = "runc"\nevents_logger = "file"\n' > "$store/containers.conf"
export CONTAINERS_STORAGE_CONF=$store/storage.conf CONTAINERS_CONF=$store/containers.conf
pm() { podman --root "$store/root" --runroot "$store/run" --storage-driver vfs --cgroup-manager cgroupfs --runtime runc "$@"; }
# Two test runs at once build each stand-in once.
exec 9> "$store/standin.lock"; flock 9

if ! pm image exists localhost/slim-standin-base:1; then
  d=$work/base; rm -rf "$d"; mkdir -p "$d/root/lib/x86_64-linux-gnu" "$d/root/lib64" "$d/root/etc" "$d/root/tmp"
  cp /lib/x86_64-linux-gnu/libc.so.6 /lib/x86_64-linux-gnu/libm.so.6 "$d/root/lib/x86_64-linux-gnu/"
  cp /lib64/ld-linux-x86-64.so.2 "$d/root/lib64/"; chmod 1777 "$d/root/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654::/home/app:/sbin/nologin\n' > "$d/root/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' > "$d/root/etc/group"
  printf 'FROM scratch\nCOPY root/ /\n' > "$d/Containerfile"
  pm build --isolation chroot -t localhost/slim-standin-base:1 "$d" > "$d/build.log" 2>&1
fi

if ! pm image exists localhost/slim-standin-sdk:10.0; then
  command -v debootstrap >/dev/null 2>&1 || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  d=$work/sdk; rm -rf "$d"; mkdir -p "$d"
  # What the official SDK -aot image adds to a plain SDK: clang (NativeAOT links with it by default) and zlib.
  debootstrap --variant=minbase --include=ca-certificates,libssl3,libicu72,clang,gcc,libc6-dev,zlib1g-dev \
    bookworm "$d/root" http://deb.debian.org/debian > "$d/debootstrap.log" 2>&1
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  mkdir -p "$d/root/usr/share/dotnet"
  cp -a "$dotnet_root/." "$d/root/usr/share/dotnet/"
  ln -sf /usr/share/dotnet/dotnet "$d/root/usr/bin/dotnet"
  rm -rf "$d/root/var/cache/apt/archives/"*.deb "$d/root/var/lib/apt/lists/"*
  tar -C "$d/root" -c . | pm import \
    --change 'ENV DOTNET_ROOT=/usr/share/dotnet' --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' \
    --change 'ENV DOTNET_NOLOGO=1' --change 'WORKDIR /' - localhost/slim-standin-sdk-root:10.0 > "$d/import.log"
  rm -rf "$d/root"
  # Restore inside the build reaches nuget.org through this machine's network, which may re-sign TLS
  # with its own CA: the stand-in trusts what the host trusts.
  mkdir -p "$d/ctx"; cp /etc/ssl/certs/ca-certificates.crt "$d/ctx/"
  printf 'FROM localhost/slim-standin-sdk-root:10.0\nCOPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt\n' > "$d/ctx/Containerfile"
  pm build --isolation chroot -t localhost/slim-standin-sdk:10.0 "$d/ctx" > "$d/build.log" 2>&1
  pm rmi localhost/slim-standin-sdk-root:10.0 > /dev/null
fi
echo "stand-ins: localhost/slim-standin-base:1 localhost/slim-standin-sdk:10.0"
