#!/usr/bin/env bash
# Publishes samples/MinimalApi through a freshly packed Slim and takes a screenshot of its slim/report.html
# with Debian's headless chromium: docs/report-html.png.
#   build/report-screenshot.sh [output.png]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/report-html.png}
chromium=${SLIM_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "report-screenshot: no chromium at $chromium (build/bootstrap.sh installs it)" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version=$("$root/build/pack.sh" | tail -1)
echo "Slim $version packed; publishing samples/MinimalApi"
cd "$root/samples/MinimalApi"
rm -rf bin obj
dotnet publish -c Release -nologo -v:q
html=$(find "$PWD/bin" -path '*/slim/report.html' | head -1)
[ -n "$html" ] || { echo "report-screenshot: the publish wrote no slim/report.html" >&2; exit 1; }
# A fresh profile each time: nothing from an earlier run (cache, window size) changes the picture.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless=new --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size=1280,1900 --screenshot="$out" "file://$html" 2>/dev/null
echo "report: $html"
echo "screenshot: $out"
