#!/usr/bin/env python3
"""Slim's own cost on top of dotnet publish.

Publishes fresh apps through Slim (a NativeAOT console app, PackageReference form, and a NativeAOT
web app, SDK form) several times from clean, reads MSBuild's performance summary, and sums the time
spent in Slim's targets. Then publishes again with nothing changed and lists the Slim targets that did
work. Prints the figures and writes docs/overhead.md.

    build/bench-overhead.py [--runs N]
"""
import argparse, os, re, shutil, statistics, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The steps that declare Inputs/Outputs: on an unchanged publish none of them may do work.
INCREMENTAL_STEPS = {"SlimAnalyzeApp", "SlimStripNativeFiles", "SlimUpx", "SlimWriteDockerfile", "SlimDockerfile", "SlimReport"}
WORK = Path("/tmp/slim-bench-overhead")
TARGET_LINE = re.compile(r"^\s+(\d+) ms\s+(\S+)\s+(\d+) calls")


def run(cmd, cwd, env=None):
    return subprocess.run(cmd, cwd=cwd, env=env, text=True, capture_output=True)


def make_app(name, kind, version, feed):
    app = WORK / name
    shutil.rmtree(app, ignore_errors=True)
    app.mkdir(parents=True)
    (app / "nuget.config").write_text(
        f'<configuration><packageSources><clear/><add key="slim" value="{feed}"/>'
        '<add key="nuget.org" value="https://api.nuget.org/v3/index.json"/></packageSources></configuration>')
    if kind == "console":
        head = '<Project Sdk="Microsoft.NET.Sdk">'
        extra = (f'<ItemGroup><PackageReference Include="Slim.Build.Tasks" Version="{version}" PrivateAssets="all" /></ItemGroup>'
                 '<PropertyGroup><PublishAot>true</PublishAot></PropertyGroup>')
        program = 'System.Console.WriteLine("Hello");'
    else:
        head = '<Project Sdk="Microsoft.NET.Sdk.Web">'
        extra = f'<Sdk Name="Slim.Sdk" Version="{version}" />'
        program = ('var app = WebApplication.CreateBuilder(args).Build();\n'
                   'app.MapGet("/", () => "Hello World!");\napp.Run();\n')
    (app / f"{name}.csproj").write_text(
        f'{head}{extra}<PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework>'
        '<ImplicitUsings>enable</ImplicitUsings><SlimMaxPublishSize>50MB</SlimMaxPublishSize></PropertyGroup></Project>')
    (app / "Program.cs").write_text(program)
    return app


def publish(app, env):
    start = time.monotonic()
    result = run(["dotnet", "publish", "-c", "Release", "-clp:PerformanceSummary", "-v:m"], app, env)
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"publish of {app.name} failed:\n{result.stdout[-3000:]}")
    slim_ms, worked = 0, []
    in_targets = False
    for line in result.stdout.splitlines():
        if "Target Performance Summary" in line:
            in_targets = True
            continue
        if "Task Performance Summary" in line:
            in_targets = False
        match = TARGET_LINE.match(line)
        if in_targets and match and match.group(2).lstrip("_").startswith("Slim"):
            slim_ms += int(match.group(1))
            if int(match.group(1)) > 0:
                worked.append(f"{match.group(2)} {match.group(1)} ms")
    return elapsed, slim_ms / 1000.0, worked, result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    version = subprocess.run([str(ROOT / "build" / "pack.sh")], text=True, capture_output=True, check=True).stdout.split()[-1]
    env = dict(os.environ, NUGET_PACKAGES=str(WORK / "nuget-packages"), DOTNET_CLI_TELEMETRY_OPTOUT="1",
               DOTNET_NOLOGO="1", MSBUILDTERMINALLOGGER="off")
    rows = []
    for name, kind in (("BenchConsole", "console"), ("BenchWeb", "web")):
        app = make_app(name, kind, version, ROOT / "artifacts" / "feed")
        publish(app, env)  # warm the package cache and the build servers
        totals, slims = [], []
        for _ in range(args.runs):
            shutil.rmtree(app / "bin", ignore_errors=True)
            shutil.rmtree(app / "obj", ignore_errors=True)
            total, slim, _, _ = publish(app, env)
            totals.append(total)
            slims.append(slim)
        _, slim_again, worked_again, _ = publish(app, env)
        worked_again = [w for w in worked_again if w.split()[0] in INCREMENTAL_STEPS]
        row = (name, statistics.median(totals), statistics.median(slims), slim_again, worked_again)
        rows.append(row)
        print(f"{name}: publish {row[1]:.1f} s (median of {args.runs}), Slim targets {row[2]:.2f} s "
              f"({100 * row[2] / row[1]:.1f}%); unchanged republish: Slim targets {slim_again:.2f} s, "
              f"steps that did work: {', '.join(worked_again) or 'none'}")

    lines = [
        "# Slim's own cost on top of dotnet publish",
        "",
        f"Measured with `build/bench-overhead.py --runs {args.runs}` on {os.uname().nodename} "
        f"({os.cpu_count()} cores, Debian 12, .NET SDK {run(['dotnet', '--version'], ROOT).stdout.strip()}), Slim {version}.",
        "Each run publishes from clean (`bin/` and `obj/` removed, package cache warm); Slim's share is the sum of",
        "its targets in MSBuild's performance summary (`-clp:PerformanceSummary`).",
        "",
        "On the unchanged republish only item planning and the budget gate run (they always do, and only read);",
        "the steps with Inputs/Outputs (analysis, strip, UPX, Dockerfile, report) must do no work.",
        "",
        "| App | Publish (median) | Slim's targets (median) | Share | Unchanged republish: Slim's targets, steps that did work |",
        "|---|---:|---:|---:|---|",
    ]
    for name, total, slim, again, worked in rows:
        lines.append(f"| {name} | {total:.1f} s | {slim:.2f} s | {100 * slim / total:.1f}% | {again:.2f} s, {', '.join(worked) or 'none'} |")
    (ROOT / "docs" / "overhead.md").write_text("\n".join(lines) + "\n")
    print("wrote docs/overhead.md")


if __name__ == "__main__":
    main()
