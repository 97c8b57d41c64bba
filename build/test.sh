#!/usr/bin/env bash
# The test command: set up the machine, then run every test (unit, then end-to-end with real
# dotnet publish, strip and podman). CI runs exactly this.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/build/bootstrap.sh"
cd "$root"
dotnet build Slim.Build.sln -c Release -nologo -v:q
dotnet test Slim.Build.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
