#!/usr/bin/env bash
# Packs Slim.Build.Tasks and Slim.Sdk into artifacts/feed with a fresh prerelease version, so no
# NuGet cache can serve a stale Slim, and points the samples at that version.
# Prints the version on its last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=${SLIM_VERSION:-0.1.0-local.$(date -u +%Y%m%d%H%M%S)}
mkdir -p "$root/artifacts/feed"
dotnet pack "$root/Slim.Build.sln" -c Release -o "$root/artifacts/feed" -p:Version="$version" -nologo -v:q >&2
# The samples reference Slim without a version of their own: these two files give it.
cat > "$root/samples/global.json" <<JSON
{ "msbuild-sdks": { "Slim.Sdk": "$version" } }
JSON
cat > "$root/samples/Slim.Version.props" <<PROPS
<Project><PropertyGroup><SlimVersion>$version</SlimVersion></PropertyGroup></Project>
PROPS
echo "$version"
