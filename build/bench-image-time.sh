#!/usr/bin/env bash
# Image assembly time (the SlimImage target) of samples/MinimalApi, as docs/image-figures.md records it:
# pack, publish once, then three publishes each with both layer caches empty, with only the project's empty,
# and unchanged. Run it under `flock -o /tmp/slim-aot.lock` on a shared machine (it publishes NativeAOT).
#   build/bench-image-time.sh [runs]   (default 3)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-3}
export XDG_CACHE_HOME=$(mktemp -d) DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
trap 'rm -rf "$XDG_CACHE_HOME"' EXIT
version=$("$root/build/pack.sh" 2>/dev/null | tail -1); echo "Slim $version"
cd "$root/samples/MinimalApi" && rm -rf bin obj
image_ms() { dotnet publish -c Release -nologo -clp:PerformanceSummary 2>&1 | awk '$2 == "ms" && $3 == "SlimImage" { print $1 }'; }
project_cache_empty() { find obj -path '*/slim/image' -type d -prune -exec rm -rf {} +; }
echo "first publish: $(image_ms) ms"
for _ in $(seq "$runs"); do project_cache_empty; rm -rf "$XDG_CACHE_HOME/slim"; echo "both caches empty: $(image_ms) ms"; done
for _ in $(seq "$runs"); do project_cache_empty; echo "project cache empty, per-user cache warm: $(image_ms) ms"; done
for _ in $(seq "$runs"); do echo "unchanged republish: $(image_ms) ms"; done
