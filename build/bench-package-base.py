#!/usr/bin/env python3
"""The package base against the host base, per profile.

Publishes the benchmark apps of build/bench-peers.py through Slim once each (NativeAOT console and web,
trimmed web, framework-dependent web), then runs the image step alone (SlimImage) on that publish:
- cold: no lock, an empty package cache and an empty layer cache (resolve, fetch, verify, unpack, compress);
- warm: the lock and both caches filled, several times (median);
- the same warm step on the host base (SlimBaseSource=host).
Prints the base layer's wire and unpacked bytes for both sources and the SlimImage target's times, and writes the
table between the markers of docs/package-base.md.

    build/bench-package-base.py [--runs N] [--apps console-aot,web-trimmed]
"""
import argparse, importlib.util, json, shutil, statistics, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = Path("/tmp/slim-bench-package-base")
BEGIN, END = "<!-- bench-package-base:begin -->", "<!-- bench-package-base:end -->"
_spec = importlib.util.spec_from_file_location("bench_peers", ROOT / "build" / "bench-peers.py")
peers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(peers)


def image_step(runner, folder, output, **properties):
    """(SlimImage target seconds, the base layer from image.json) for the image step alone, into its own output folder."""
    shutil.rmtree(output, ignore_errors=True)
    args = ["dotnet", "msbuild", "-t:SlimImage", "-p:Configuration=Release", "-p:_IsPublishing=true", "-nr:false",
            "-clp:PerformanceSummary", "-v:m", f"-p:SlimOutputDirectory={output}", "-p:SlimChecks=false"]
    args += [f"-p:{name}={value}" for name, value in properties.items()]
    _, log = runner.run(args, folder)
    # The image step alone writes no report: its own obj/.../slim/image.json says what it made.
    image = json.loads(next((folder / "obj").rglob("slim/image.json")).read_text())
    return peers.target_times(log).get("SlimImage", 0) / 1000, image["layers"][0]


def measure(runner, app, version, runs):
    folder = WORK / app
    peers.make_project(folder, app, version, with_slim=True)
    runner.run(["dotnet", "publish", "-c", "Release"], folder, locked=peers.is_aot(app))
    cold_cache = WORK / "cold" / app
    shutil.rmtree(cold_cache, ignore_errors=True)
    cold, _ = image_step(runner, folder, WORK / "out" / app / "cold", SlimCacheDirectory=cold_cache,
                         SlimLayerCacheDirectory=cold_cache / "layers", SlimPackageLockFile=cold_cache / "lock.json")
    warm, packages = zip(*(image_step(runner, folder, WORK / "out" / app / f"packages-{i}") for i in range(runs)))
    warm_host, host = zip(*(image_step(runner, folder, WORK / "out" / app / f"host-{i}", SlimBaseSource="host") for i in range(runs)))
    return {"app": app, "cold": cold, "warm": statistics.median(warm), "warm_host": statistics.median(warm_host),
            "packages": packages[0], "host": host[0]}


def table(rows):
    lines = ["| App | Base layer, host (wire / unpacked B) | Base layer, packages (wire / unpacked B) | Packages: holds | "
             "Image step cold, packages (s) | Image step warm, packages (s) | Image step warm, host (s) |",
             "|---|---:|---:|---|---:|---:|---:|"]
    for r in rows:
        lines.append(f"| {peers.bench_report.APP_NAMES[r['app']]} | {r['host']['wireBytes']:,} / {r['host']['unpackedBytes']:,} | "
                     f"{r['packages']['wireBytes']:,} / {r['packages']['unpackedBytes']:,} | {r['packages']['holds']} | "
                     f"{r['cold']:.2f} | {r['warm']:.2f} | {r['warm_host']:.2f} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--apps", default=",".join(peers.APPS))
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([str(ROOT / "build" / "pack.sh")], text=True, capture_output=True, check=True).stdout.split()[-1]
    lock = "/tmp/slim-aot.lock" if Path("/tmp/slim-aot.lock").exists() else None
    runner = peers.Runner(WORK, lock)
    rows = [measure(runner, app, version, args.runs) for app in args.apps.split(",")]
    text = table(rows)
    print(text)
    machine = peers.bench_report.machine(version)
    doc = ROOT / "docs" / "package-base.md"
    content = doc.read_text()
    if BEGIN in content and END in content:
        head, rest = content.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        note = (f"\n`build/bench-package-base.py --runs {args.runs}` on {machine['host']} ({machine['cores']} cores, "
                f"{machine['os']}, SDK {machine['sdk']}, Slim {machine['slim']}); "
                "times are MSBuild's for the SlimImage target (the whole image step: base, app layer, archive), medians.\n\n")
        doc.write_text(head + BEGIN + note + text + "\n" + END + tail)


if __name__ == "__main__":
    sys.exit(main())
