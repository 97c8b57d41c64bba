#!/usr/bin/env bash
# The main job: set up the machine, pack Slim, publish a sample through it and show its report.
#   build/run-sample.sh [MinimalApi|HelloConsole|TrimmedWeb]   (default MinimalApi)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sample=${1:-MinimalApi}
[ -d "$root/samples/$sample" ] || { echo "no sample '$sample' in samples/ (try MinimalApi, HelloConsole, TrimmedWeb)" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/build/bootstrap.sh"
version=$("$root/build/pack.sh" | tail -1)
echo "Slim $version packed to artifacts/feed; publishing samples/$sample"
cd "$root/samples/$sample"
rm -rf bin obj
dotnet publish -c Release
report=$(find bin -path '*/slim/report.md' | head -1)
echo
echo "==== $sample/$report"
cat "$report"
