#!/usr/bin/env python3
"""Slim's own cost on top of dotnet publish (issue 29).

For four apps (a framework-dependent web app, a trimmed web app, a NativeAOT console app and a NativeAOT web
app, each a fresh `dotnet new`), publishes the same project with Slim (PackageReference form) and without it
(the reference removed), from clean (bin/ and obj/Release removed; restore, the package cache and Slim's layer
cache warm), in turn, after one warm-up pair. Prints the medians, the ratio (median of the pairs' ratios),
where Slim's time goes (MSBuild's target summary, and what no target holds: loading and JIT-compiling Slim's
task assembly, its extra evaluation), then an unchanged republish's time in Slim's targets, then the same pairs
after a change to the app's code before each one, as a CI server publishes every commit (CI=true, so Slim's
CI defaults apply: no second, plain publish for the report), and rewrites docs/overhead.md. Needs nothing
beyond the SDK (no farm-bench, no registry).

    build/bench-overhead.py [--runs N] [--apps web-framework,web-trimmed,console-aot,web-aot] [--no-docs]

NativeAOT publishes take /tmp/slim-aot.lock first (flock) when that file exists, or SLIM_BENCH_LOCK when set
(empty: no lock); the time spent waiting for it is not counted. The machine may be shared: the figures are
medians, and a before/after comparison is only fair from runs made in the same conditions.
"""
import argparse, datetime, fcntl, os, shutil, statistics, subprocess, sys, time
from pathlib import Path
from bench_msbuild import target_times

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "BenchApp"
NOTES_MARKER = "<!-- notes: written by hand, kept by build/bench-overhead.py -->"
# app -> (template, project settings, the same settings with and without Slim)
APPS = {
    "web-framework": ("web", "<SelfContained>false</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>"),
    "web-trimmed": ("web", "<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>"),
    "console-aot": ("console", "<PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization>"),
    "web-aot": ("web", "<PublishAot>true</PublishAot>"),
}


def is_aot(app):
    return app.endswith("-aot")


class Runner:
    def __init__(self, lock):
        self.lock = lock
        # The user's own package cache: warm, as on a developer's machine (each pack has a fresh Slim version).
        self.env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", MSBUILDTERMINALLOGGER="off")

    def run(self, cmd, cwd, locked=False, ci=False):
        """(seconds, output); with locked, the clock starts once the lock is held; with ci, as a CI server runs it (CI=true)."""
        lock_file = open(self.lock, "a") if locked and self.lock else None
        if lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            start = time.monotonic()
            result = subprocess.run(cmd, cwd=cwd, env=dict(self.env, CI="true") if ci else self.env, text=True, capture_output=True)
            elapsed = time.monotonic() - start
        finally:
            if lock_file:
                lock_file.close()
        if result.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)} in {cwd}\n{(result.stdout + result.stderr)[-3000:]}")
        return elapsed, result.stdout


def slim_targets(times):
    return {name: ms for name, ms in times.items() if name.lstrip("_").startswith("Slim")}


def make_project(folder, app, version, with_slim):
    template, settings = APPS[app]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    subprocess.run(["dotnet", "new", template, "-n", PROJECT, "-o", str(folder), "--no-restore"], check=True, capture_output=True)
    (folder / "nuget.config").write_text(
        f'<configuration><packageSources><clear/><add key="slim" value="{ROOT / "artifacts/feed"}"/>'
        '<add key="nuget.org" value="https://api.nuget.org/v3/index.json"/></packageSources></configuration>')
    reference = f'<ItemGroup><PackageReference Include="Slim.Build.Tasks" Version="{version}" PrivateAssets="all" /></ItemGroup>' if with_slim else ""
    csproj = folder / f"{PROJECT}.csproj"
    csproj.write_text(csproj.read_text().replace("</Project>", f"{reference}<PropertyGroup>{settings}</PropertyGroup></Project>"))


def publish(runner, folder, app, clean, ci=False):
    if clean:
        for sub in ("bin", "obj/Release"):
            shutil.rmtree(folder / sub, ignore_errors=True)
    seconds, output = runner.run(["dotnet", "publish", "-c", "Release", "--no-restore", "-nodeReuse:false", "-clp:PerformanceSummary", "-v:m"],
                                 folder, locked=is_aot(app), ci=ci)
    return seconds, slim_targets(target_times(output))


def change_code(folder, stamp):
    """A change to the app's code, as each commit brings: a new constant, so the compiled assembly differs."""
    (folder / "BenchChange.cs").write_text(f'internal static class BenchChange {{ public const string Stamp = "{stamp}"; }}\n')


def measure(runner, work, app, version, runs):
    slim_dir, plain_dir = work / app / "slim", work / app / "plain"
    for folder, with_slim in ((slim_dir, True), (plain_dir, False)):
        make_project(folder, app, version, with_slim)
        runner.run(["dotnet", "restore"], folder)
    publish(runner, slim_dir, app, True)  # warm-up: the build servers are off, but the disk cache and Slim's layer cache warm
    publish(runner, plain_dir, app, True)
    withs, withouts, ratios, per_target = [], [], [], {}
    for _ in range(runs):
        with_seconds, targets = publish(runner, slim_dir, app, True)
        without_seconds, _ = publish(runner, plain_dir, app, True)
        withs.append(with_seconds)
        withouts.append(without_seconds)
        ratios.append(with_seconds / without_seconds)
        for name, ms in targets.items():
            per_target.setdefault(name, []).append(ms)
    unchanged_seconds, unchanged_targets = publish(runner, slim_dir, app, False)
    changed_ratios, changed_withs, changed_withouts = [], [], []
    for run in range(runs):
        stamp = f"{run}-{time.time_ns()}"
        change_code(slim_dir, stamp)
        change_code(plain_dir, stamp)
        with_seconds, _ = publish(runner, slim_dir, app, True, ci=True)
        without_seconds, _ = publish(runner, plain_dir, app, True, ci=True)
        changed_withs.append(with_seconds)
        changed_withouts.append(without_seconds)
        changed_ratios.append(with_seconds / without_seconds)
    targets = {name: statistics.median(ms + [0] * (runs - len(ms))) for name, ms in per_target.items()}
    return {
        "app": app, "with": statistics.median(withs), "without": statistics.median(withouts), "ratio": statistics.median(ratios),
        "targets": targets, "slim": sum(targets.values()) / 1000,
        "unchanged": unchanged_seconds, "unchanged_slim": sum(unchanged_targets.values()) / 1000,
        "unchanged_targets": {n: ms for n, ms in unchanged_targets.items() if ms >= 20},
        "changed_with": statistics.median(changed_withs), "changed_without": statistics.median(changed_withouts),
        "changed_ratio": statistics.median(changed_ratios),
    }


def render(rows, runs, version, command):
    sdk = subprocess.run(["dotnet", "--version"], cwd=ROOT, text=True, capture_output=True).stdout.strip()
    lines = [
        "# Slim's own cost on top of dotnet publish",
        "",
        f"Measured with `{command}` on {datetime.date.today().isoformat()}, {os.uname().nodename} "
        f"({os.cpu_count()} cores, shared with other jobs), .NET SDK {sdk}, Slim {version}.",
        "The same project is published with Slim (PackageReference) and without it, from clean (`bin/` and",
        "`obj/Release` removed; restore, the package cache and Slim's layer cache warm), in turn, after a warm-up pair;",
        f"{runs} pairs, medians (the ratio is the median of the pairs' ratios). `-nodeReuse:false`: every publish starts",
        "a fresh MSBuild, as a CI job does. Slim's targets come from MSBuild's target summary (`-clp:PerformanceSummary`);",
        "\"outside targets\" is the rest of the difference: evaluating Slim's props and targets, and loading and",
        "JIT-compiling its task assembly and dependencies. \"Code changed, CI\": the same pairs with a new constant in the",
        "app's code before each pair and `CI=true`, as a CI server publishes each commit (Slim's CI defaults apply: no",
        "second, plain publish for the report). On a shared 2-core machine a single figure moves by 10-20%: compare",
        "runs made in the same conditions.",
        "",
        "| App | Without Slim | With Slim | Ratio | Slim's targets | Outside targets | Unchanged republish: Slim's targets | Code changed, CI: without / with Slim | Ratio |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        outside = r["with"] - r["without"] - r["slim"]
        lines.append(f"| {r['app']} | {r['without']:.2f} s | {r['with']:.2f} s | {r['ratio']:.2f} | {r['slim']:.2f} s | "
                     f"{outside:.2f} s | {r['unchanged_slim']:.2f} s | {r['changed_without']:.2f} / {r['changed_with']:.2f} s | {r['changed_ratio']:.2f} |")
    lines += ["", "## Where Slim's time goes (clean publish, medians, targets of 50 ms or more)", ""]
    for r in rows:
        big = sorted(((ms, n) for n, ms in r["targets"].items() if ms >= 50), reverse=True)
        lines.append(f"- **{r['app']}**: " + (", ".join(f"`{n}` {ms / 1000:.2f} s" for ms, n in big) or "none"))
    lines += ["", "## Unchanged republish: Slim's targets of 20 ms or more", ""]
    for r in rows:
        lines.append(f"- **{r['app']}**: " + (", ".join(f"`{n}` {ms / 1000:.2f} s" for n, ms in
                                                        sorted(r["unchanged_targets"].items(), key=lambda kv: -kv[1])) or "none"))
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--apps", default=",".join(APPS))
    parser.add_argument("--work", default="/tmp/slim-bench-overhead")
    parser.add_argument("--no-docs", action="store_true", help="print the figures, leave docs/overhead.md alone")
    args = parser.parse_args()
    apps = args.apps.split(",")
    unknown = [a for a in apps if a not in APPS]
    if unknown:
        sys.exit(f"--apps: unknown {', '.join(unknown)} (known: {', '.join(APPS)})")
    lock = os.environ.get("SLIM_BENCH_LOCK", "/tmp/slim-aot.lock" if os.path.exists("/tmp/slim-aot.lock") else "")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    version = subprocess.run([str(ROOT / "build" / "pack.sh")], text=True, capture_output=True, check=True).stdout.split()[-1]
    runner = Runner(lock)
    rows = []
    for app in apps:
        row = measure(runner, work, app, version, args.runs)
        rows.append(row)
        print(f"{app}: without {row['without']:.2f} s, with {row['with']:.2f} s, ratio {row['ratio']:.2f}; Slim's targets "
              f"{row['slim']:.2f} s; unchanged republish: Slim's targets {row['unchanged_slim']:.2f} s "
              f"({', '.join(f'{n} {ms} ms' for n, ms in row['unchanged_targets'].items()) or 'none over 20 ms'}); code changed, CI: "
              f"without {row['changed_without']:.2f} s, with {row['changed_with']:.2f} s, ratio {row['changed_ratio']:.2f}", flush=True)
        top = sorted(((ms, n) for n, ms in row["targets"].items()), reverse=True)[:6]
        print("  " + ", ".join(f"{n} {ms:.0f} ms" for ms, n in top), flush=True)
        # After each app: a run stopped early still leaves the figures it has.
        if not args.no_docs:
            command = "build/bench-overhead.py " + " ".join(a for a in sys.argv[1:] if a != "--no-docs")
            doc = ROOT / "docs" / "overhead.md"
            # What follows the notes marker is written by hand (what the figures mean, what is left) and kept.
            kept = doc.read_text().partition(NOTES_MARKER) if doc.exists() else ("", "", "")
            doc.write_text(render(rows, args.runs, version, command.strip()) + (f"\n{NOTES_MARKER}{kept[2]}" if kept[1] else ""))
            print("wrote docs/overhead.md", flush=True)


if __name__ == "__main__":
    main()
