#!/usr/bin/env bash
# Benchmark (not a test) of what UPX costs at start-up and buys on disk and on the wire.
# Publishes samples/HelloConsole and samples/MinimalApi (aot) and samples/TrimmedWeb through Slim
# without UPX, packs copies of their executables with each UPX setting, and measures medians of
# time to first output (console), time to first HTTP response and anonymous memory (web).
# Prints the figures and writes docs/upx-startup.md.
#   build/bench-upx.sh [runs]        (default 21; NativeAOT publishes: run under flock on shared machines)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-21}
work=${BENCH_TMP:-/tmp/slim-bench-upx}
out=$root/docs/upx-startup.md
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDTERMINALLOGGER=off
command -v upx >/dev/null || { echo "upx is not installed: run build/bootstrap.sh" >&2; exit 1; }
rm -rf "$work"; mkdir -p "$work"

version=$("$root/build/pack.sh" | tail -1)
publish() { # sample -> prints its publish folder
  ( cd "$root/samples/$1" && rm -rf bin obj && dotnet publish -c Release -p:SlimUpx=false "${@:2}" > "$work/$1.publish.log" 2>&1 ) \
    || { echo "publish of samples/$1 failed: see $work/$1.publish.log" >&2; exit 1; }
  find "$root/samples/$1/bin" -type d -name publish | head -1
}
gz() { gzip -6 -c "$1" | wc -c; }
mb() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1000000 }'; }
settings=("none" "--best" "--best --lzma")

# variant FOLDER NAME ARGS: a copy of the publish folder with the named file packed
variant() {
  local dest=$work/$2/${3// /_}
  rm -rf "$dest"; mkdir -p "$(dirname "$dest")"; cp -a "$1" "$dest"
  [ "$3" = none ] || upx -q $3 "$dest/$4" > /dev/null
  echo "$dest"
}

rows_console=() rows_web=()
console_dir=$(publish HelloConsole)
for s in "${settings[@]}"; do
  d=$(variant "$console_dir" console "$s" HelloConsole); f=$d/HelloConsole
  t=$(python3 "$root/build/bench-upx.py" console "$s" "$f" "$runs" | python3 -c 'import json,sys; print(json.load(sys.stdin)["median_ms"])')
  rows_console+=("| \`$s\` | $(stat -c %s "$f") ($(mb "$(stat -c %s "$f")")) | $(gz "$f") ($(mb "$(gz "$f")")) | $t |")
  echo "console $s: $(stat -c %s "$f") B, gzip $(gz "$f") B, first output median $t ms"
done

web_dir=$(publish MinimalApi)
for s in "${settings[@]}"; do
  d=$(variant "$web_dir" web "$s" MinimalApi); f=$d/MinimalApi
  j=$(python3 "$root/build/bench-upx.py" web "$s" "$f" "$runs")
  t=$(echo "$j" | python3 -c 'import json,sys; print(json.load(sys.stdin)["median_ms"])')
  m=$(echo "$j" | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["median_anonymous_kib"]/1024, 1))')
  rows_web+=("| \`$s\` | $(stat -c %s "$f") ($(mb "$(stat -c %s "$f")")) | $(gz "$f") ($(mb "$(gz "$f")")) | $t | $m |")
  echo "web $s: $(stat -c %s "$f") B, gzip $(gz "$f") B, first response median $t ms, anonymous $m MiB"
done

# The trimmed profile's runtime .so files: what would packing them buy, and does the app still start?
trimmed_dir=$(publish TrimmedWeb)
rows_so=()
for so in libcoreclr.so libclrjit.so libSystem.Native.so; do
  [ -f "$trimmed_dir/$so" ] || continue
  d=$work/trimmed-$so; rm -rf "$d"; cp -a "$trimmed_dir" "$d"
  if upx -q --best --lzma "$d/$so" > "$work/$so.upx.log" 2>&1; then
    starts=$(python3 "$root/build/bench-upx.py" web "$so" "$d/TrimmedWeb" 3 2>&1 | tail -1 || true)
    case "$starts" in *median_ms*) starts="serves";; *) starts="does not start: ${starts##* with }";; esac
    rows_so+=("| $so | $(stat -c %s "$trimmed_dir/$so") | $(stat -c %s "$d/$so") | $(gz "$trimmed_dir/$so") | $(gz "$d/$so") | $starts |")
  else
    why=$(grep -m1 -oE '[A-Za-z]*Exception.*' "$work/$so.upx.log" || tail -1 "$work/$so.upx.log")
    rows_so+=("| $so | $(stat -c %s "$trimmed_dir/$so") | - | $(gz "$trimmed_dir/$so") | - | upx refused: $why |")
  fi
  echo "trimmed ${rows_so[-1]}"
done

mkdir -p "$(dirname "$out")"
{
  echo "# UPX: start-up cost, disk and wire"
  echo
  echo "Written by \`build/bench-upx.sh $runs\` on $(date -u +%Y-%m-%d): $(. /etc/os-release; echo "$PRETTY_NAME"), $(nproc) cores,"
  echo ".NET SDK $(dotnet --version), $(upx --version | head -1), Slim $version. Each figure is the median of $runs runs"
  echo "after one warm-up run; the files are the samples published through Slim (\`SlimUpx=false\`), then packed"
  echo "by hand with each setting. gzip is \`gzip -6\`, about what a registry transfers. The machine was"
  echo "shared with other builds, so read the times as rough ratios, not absolutes."
  echo
  echo "## samples/HelloConsole (aot): time to first output"
  echo
  echo "| UPX args | bytes | gzip bytes | first output, ms |"
  echo "|---|---:|---:|---:|"
  printf '%s\n' "${rows_console[@]}"
  echo
  echo "## samples/MinimalApi (aot web): time to first HTTP response"
  echo
  echo "| UPX args | bytes | gzip bytes | first response, ms | anonymous memory, MiB |"
  echo "|---|---:|---:|---:|---:|"
  printf '%s\n' "${rows_web[@]}"
  echo
  echo "## samples/TrimmedWeb (trimmed): the runtime's .so files with \`--best --lzma\`"
  echo
  echo "| file | bytes | packed bytes | gzip bytes | packed gzip bytes | the app with it packed |"
  echo "|---|---:|---:|---:|---:|---|"
  printf '%s\n' "${rows_so[@]}"
  echo
  echo "Each .so was packed alone in a copy of the publish folder, and the app started from it (3 tries);"
  echo "a negative exit code is the signal that killed it (-5 SIGTRAP, -6 SIGABRT)."
} > "$out"
echo "wrote $out"
