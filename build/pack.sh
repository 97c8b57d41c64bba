#!/usr/bin/env bash
# Packs Slim.Build.Tasks and Slim.Sdk into artifacts/feed with a fresh prerelease version, so no
# NuGet cache can serve a stale Slim, and points the samples at that version.
# Prints the version on its last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${SLIM_VERSION:-0.1.0-local.$(date -u +%Y%m%d%H%M%S)}
mkdir -p "$root/artifacts/feed"
dotnet pack "$root/Slim.Build.sln" -c Release -o "$root/artifacts/feed" -p:Version="$version" -nologo -v:q >&2
# The samples reference Slim without a version of their own: these two generated files give it
# (both git-ignored, so packing never dirties the working tree). samples/global.json stops the SDK's
# upward search for global.json, so it repeats the root global.json's "sdk" pin.
sdk_pin=$(sed -n '/"sdk"/{:a;/}/!{N;ba};p;q}' "$root/global.json" | sed 's/^ *//' | tr -d '\n')   # "sdk": { ... }
[ -n "$sdk_pin" ] || { echo "pack: no \"sdk\" section in $root/global.json" >&2; exit 1; }
cat > "$root/samples/global.json" <<JSON
{
  ${sdk_pin%,},
  "msbuild-sdks": { "Slim.Sdk": "$version" }
}
JSON
cat > "$root/samples/Slim.Version.props" <<PROPS
<Project><PropertyGroup><SlimVersion>$version</SlimVersion></PropertyGroup></Project>
PROPS
echo "$version"
