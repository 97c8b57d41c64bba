#!/usr/bin/env bash
# Push figures for docs/registry-figures.md: samples/MinimalApi's image pushed to Debian's docker-registry on
# loopback (artifacts/tools, from build/bootstrap.sh), a first push to an empty registry and a second push of
# the unchanged image, RUNS times (default 3), each with fresh registry storage. The times are the push step's
# own (the "Slim: pushed ... in N s" line), so MSBuild start-up is not in them.
#   flock -o /tmp/slim-aot.lock build/bench-registry-push.sh [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
registry_bin="$root/artifacts/tools/docker-registry/usr/bin/docker-registry"
[ -x "$registry_bin" ] || { echo "no $registry_bin: run build/bootstrap.sh" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/build/pack.sh" >/dev/null
work=$(mktemp -d /tmp/slim-push-bench.XXXXXX)
cp -r "$root/samples/MinimalApi" "$root/samples/global.json" "$root/samples/Slim.Version.props" "$work/"
[ -f "$root/samples/Directory.Build.props" ] && cp "$root/samples/Directory.Build.props" "$work/"
sed "s|artifacts/feed|$root/artifacts/feed|" "$root/NuGet.config" > "$work/NuGet.config"
cd "$work/MinimalApi"
dotnet publish -c Release -nologo -v:q > "$work/publish-0.log" 2>&1 || { tail -20 "$work/publish-0.log"; exit 1; }
for run in $(seq 1 "$runs"); do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  rm -rf "$work/data"; mkdir -p "$work/data"
  printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: 127.0.0.1:%s\n' "$work/data" "$port" > "$work/config.yml"
  "$registry_bin" serve "$work/config.yml" > "$work/registry.log" 2>&1 & rpid=$!
  for i in $(seq 1 40); do curl -sf "http://127.0.0.1:$port/v2/" >/dev/null && break; sleep 0.25; done
  for push in first second; do
    dotnet publish -c Release -nologo -p:ContainerRegistry=127.0.0.1:$port -p:ContainerRepository=bench/minimalapi > "$work/publish.log" 2>&1 \
      || { tail -20 "$work/publish.log"; kill $rpid; exit 1; }
    echo "run $run $push: $(grep -o 'Slim: pushed.*' "$work/publish.log" | head -1)"
  done
  kill $rpid; wait $rpid 2>/dev/null || true
done
rm -rf "$work"
