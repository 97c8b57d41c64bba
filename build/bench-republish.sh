#!/usr/bin/env bash
# Slim's cost on a republish after a code change, for samples/TrimmedWeb (trimmed self-contained: ILLink rewrites
# every assembly on each trim). Packs Slim, copies the sample to a scratch folder (the tree stays clean), publishes
# once, then RUNS times: edit Program.cs, publish, print the SlimImage and SlimReport targets' times. Medians last.
#   build/bench-republish.sh [runs]   (default 5; SLIM_ROOT=<checkout> measures another checkout's Slim)
set -euo pipefail
root=${SLIM_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
runs=${1:-5}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version=$("$root/build/pack.sh" 2>/dev/null | tail -1); echo "Slim $version ($root)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$root/samples/." "$work/" && cd "$work/TrimmedWeb" && rm -rf bin obj
cat > "$work/NuGet.config" <<XML
<configuration><packageSources><clear /><add key="nuget.org" value="https://api.nuget.org/v3/index.json" /><add key="slim-local" value="$root/artifacts/feed" /></packageSources></configuration>
XML
target_ms() { awk -v t="$2" '$2 == "ms" && $3 == t { print $1 }' "$1"; }
dotnet publish -c Release -nologo > "$work/first.log" 2>&1 || { tail -20 "$work/first.log"; exit 1; }
images=(); reports=()
for i in $(seq "$runs"); do
  echo "// edit $i" >> Program.cs
  dotnet publish -c Release -nologo -clp:PerformanceSummary > "$work/run.log" 2>&1 || { tail -20 "$work/run.log"; exit 1; }
  images+=("$(target_ms "$work/run.log" SlimImage)"); reports+=("$(target_ms "$work/run.log" SlimReport)")
  echo "code change $i: SlimImage ${images[-1]} ms, SlimReport ${reports[-1]} ms"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "median of $runs: SlimImage $(median "${images[@]}") ms, SlimReport $(median "${reports[@]}") ms (nproc $(nproc), load $(cut -d' ' -f1 /proc/loadavg))"
