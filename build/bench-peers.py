#!/usr/bin/env python3
"""Slim side by side with its peers, measured in one run on one machine.

For a NativeAOT console app, a NativeAOT web app, a trimmed web app and a framework-dependent web app
(each a fresh `dotnet new`), builds the image three ways on the same base:
  slim      dotnet publish through Slim (SDK form), default settings; AOT apps once more with SlimUpx=true
  sdk       the .NET SDK's `dotnet publish -t:PublishContainer`, base and result in a loopback registry
  podman    a plain `dotnet publish`, then `podman build` of a hand-written Dockerfile (COPY the publish folder)
The base is the one Slim assembled for the app (its base layers, taken from slim/image.tar), pushed to
Debian's docker-registry on 127.0.0.1; every image is pushed there and measured from there.
Writes the figures between the markers of docs/benchmarks.md and the chart docs/bench-wire-size.svg.

    build/bench-peers.py [--runs N] [--apps console-aot,web-aot,web-trimmed,web-framework]
    build/bench-peers.py --render RESULTS.json      (rewrite the doc and chart from a saved run)

SLIM_BENCH_LOCK=/tmp/slim-aot.lock makes every NativeAOT publish take that lock first (flock), for
shared machines; the time spent waiting for it is not counted.
"""
import argparse, datetime, fcntl, json, os, re, shutil, statistics, subprocess, sys, time, urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in build/
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_registry import ImageMeasure, Registry, free_port, reuploaded, runtime_layer, slim_base_layers, write_base_layout
import bench_report
from bench_msbuild import target_times

ROOT = Path(__file__).resolve().parent.parent
REGISTRY_BIN = ROOT / "artifacts/tools/docker-registry/usr/bin/docker-registry"
PROJECT = "BenchApp"

# app -> (template, Slim's project settings, the same profile's settings without Slim)
APPS = {
    "console-aot": ("console", "", "<PublishAot>true</PublishAot>"),
    "web-aot": ("web", "", "<PublishAot>true</PublishAot>"),
    "web-trimmed": ("web", "<SlimProfile>trimmed</SlimProfile>",
                    "<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>"),
    "web-framework": ("web", "<SlimProfile>framework</SlimProfile>",
                      "<SelfContained>false</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>"),
}
# The peers' base config, as the official chiseled .NET images set it: no ICU in the base, so
# invariant globalization; APP_UID names the non-root user the base's /etc/passwd holds (1654).
BASE_ENV = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_UID=1654",
            "DOTNET_RUNNING_IN_CONTAINER=true", "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true"]
DOCKERFILE = """FROM {base}
USER $APP_UID
WORKDIR /app
COPY . .
ENTRYPOINT {entrypoint}
"""


def is_aot(app):
    return app.endswith("-aot")


class Runner:
    def __init__(self, work, lock):
        self.work = work
        self.lock = lock
        self.env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", MSBUILDTERMINALLOGGER="off",
                        MSBUILDDISABLENODEREUSE="1", CONTAINERS_CONF=str(work / "containers.conf"))
        (work / "containers.conf").write_text("[containers]\ndefault_ulimits = []\n")

    def run(self, cmd, cwd, locked=False, check=True):
        """(seconds, output); with locked, the time starts once the lock is held."""
        lock_file = None
        if locked and self.lock:
            lock_file = open(self.lock, "a")  # close-on-exec: the build's child processes never hold it
            fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            start = time.monotonic()
            result = subprocess.run(cmd, cwd=cwd, env=self.env, text=True, capture_output=True)
            elapsed = time.monotonic() - start
        finally:
            if lock_file:
                lock_file.close()
        if check and result.returncode != 0:
            log = self.work / "failed.log"
            log.write_text(f"$ {' '.join(map(str, cmd))}  (in {cwd})\n{result.stdout}\n{result.stderr}")
            raise SystemExit(f"failed: {' '.join(map(str, cmd))} in {cwd}: see {log}\n{(result.stdout + result.stderr)[-2000:]}")
        return elapsed, result.stdout + result.stderr

    def podman(self, *args, check=True):
        return self.run(["podman", "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs", "--runtime", "runc", *args],
                        self.work, check=check)


def slim_seconds(times):
    return sum(ms for name, ms in times.items() if name.lstrip("_").startswith("Slim")) / 1000


def make_project(folder, app, version, with_slim):
    template, slim_settings, plain_settings = APPS[app]
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    subprocess.run(["dotnet", "new", template, "-n", PROJECT, "-o", str(folder), "--no-restore"],
                   check=True, capture_output=True, env=dict(os.environ, DOTNET_NOLOGO="1", DOTNET_CLI_TELEMETRY_OPTOUT="1"))
    (folder / "nuget.config").write_text(
        f'<configuration><packageSources><clear/><add key="slim" value="{ROOT / "artifacts/feed"}"/>'
        '<add key="nuget.org" value="https://api.nuget.org/v3/index.json"/></packageSources></configuration>')
    csproj = folder / f"{PROJECT}.csproj"
    text = csproj.read_text()
    if with_slim:
        text = re.sub(r'(<Project Sdk="[^"]+">)', rf'\1<Sdk Name="Slim.Sdk" Version="{version}" />', text, count=1)
        settings = slim_settings
    else:
        settings = plain_settings
    csproj.write_text(text.replace("</Project>", f"<PropertyGroup>{settings}</PropertyGroup></Project>"))


def one_line_change(folder):
    program = folder / "Program.cs"
    program.write_text(program.read_text().replace("Hello", "Howdy", 1))


def publish_dir(folder):
    found = sorted(p for p in (folder / "bin").rglob("publish") if p.is_dir())
    if not found:
        raise SystemExit(f"no publish folder under {folder / 'bin'}")
    return found[0]


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work)
        self.work.mkdir(parents=True, exist_ok=True)
        self.runner = Runner(self.work, os.environ.get("SLIM_BENCH_LOCK", ""))
        self.registry = None
        self.bases = {}        # app -> registry reference of its base
        self.base_layers = {}  # app -> Slim's base layers

    def variants(self, app):
        names = ["slim"] + (["slim-upx"] if is_aot(app) else []) + ["sdk", "podman"]
        return names

    def folder(self, app, variant):
        return self.work / "apps" / app / variant

    def setup(self, app, version):
        for variant in self.variants(app):
            make_project(self.folder(app, variant), app, version, variant.startswith("slim"))
            if variant == "slim-upx":
                csproj = self.folder(app, variant) / f"{PROJECT}.csproj"
                csproj.write_text(csproj.read_text().replace("</Project>", "<PropertyGroup><SlimUpx>true</SlimUpx></PropertyGroup></Project>"))

    def build(self, app, variant, tag, clean):
        """Publishes and pushes one image as repository:tag; returns the timings and what the registry holds."""
        folder = self.folder(app, variant)
        if clean:
            shutil.rmtree(folder / "bin", ignore_errors=True)
            shutil.rmtree(folder / "obj", ignore_errors=True)
        repository = f"bench/{app}-{variant}"
        publish = ["dotnet", "publish", "-c", "Release", "-clp:PerformanceSummary", "-v:m", "-nologo"]
        row = {}
        if variant.startswith("slim"):
            whole, output = self.runner.run(publish, folder, locked=is_aot(app))
            times = target_times(output)
            row.update(whole=whole, image_step=times.get("SlimImage", 0) / 1000, slim_targets=slim_seconds(times))
            archives = list((folder / "bin").rglob("slim/image.tar"))
            if not archives:
                notice = re.search(r"SLIM\d{4}: No image[^\n]*", output)
                row["no_image"] = notice.group(0)[:8] if notice else "no slim/image.tar"
                return row
            report = archives[0].parent / "report.json"
            if clean and app not in self.base_layers:
                self.base_layers[app] = slim_base_layers(archives[0], report)
            self.runner.run(["skopeo", "copy", "-q", "--dest-tls-verify=false", f"oci-archive:{archives[0]}",
                             f"docker://{self.registry.host}/{repository}:{tag}"], self.work)
        elif variant == "sdk":
            whole, output = self.runner.run(publish + [
                "-t:PublishContainer", f"-p:ContainerBaseImage={self.bases[app]}", f"-p:ContainerRegistry={self.registry.host}",
                f"-p:ContainerRepository={repository}", f"-p:ContainerImageTag={tag}"], folder, locked=is_aot(app))
            times = target_times(output)
            row.update(whole=whole, image_step=sum(ms for n, ms in times.items() if "Container" in n) / 1000)
        else:
            published, output = self.runner.run(publish, folder, locked=is_aot(app))
            source = publish_dir(folder)
            entrypoint = f'["dotnet", "{PROJECT}.dll"]' if app == "web-framework" else f'["./{PROJECT}"]'
            dockerfile = self.work / "apps" / app / "Dockerfile"
            dockerfile.write_text(DOCKERFILE.format(base=self.bases[app], entrypoint=entrypoint))
            image = f"localhost/{repository}:{tag}"
            built, _ = self.runner.podman("build", "--isolation", "chroot", "--tls-verify=false", "-q",
                                          "-f", str(dockerfile), "-t", image, str(source))
            self.runner.podman("push", "-q", "--tls-verify=false", image, f"docker://{self.registry.host}/{repository}:{tag}")
            self.runner.podman("rmi", image, check=False)
            row.update(whole=published + built, image_step=built, plain_publish=published)
        row.update(self.measure.measure(repository, tag))
        return row

    def make_base(self, app):
        """Pushes the peers' base for app: Slim's base layers for it; the framework-dependent app gets the
        trimmed app's base (the same native closure CoreCLR needs) plus the shared runtime, official-style."""
        if app == "web-framework":
            source = next((a for a in ("web-trimmed", "web-framework", "web-aot") if a in self.base_layers), None)
            if source is None:
                raise SystemExit("web-framework needs a Slim base from web-trimmed or web-aot first: run them in the same --apps")
            version = subprocess.run(["dotnet", "--list-runtimes"], capture_output=True, text=True).stdout
            version = re.search(r"Microsoft\.NETCore\.App (\S+) \[(.+)/shared/", version)
            layers = self.base_layers[source] + [runtime_layer(version.group(2), version.group(1))]
        else:
            layers = self.base_layers[app]
        layout = self.work / "bases" / app
        write_base_layout(layout, layers, BASE_ENV)
        reference = f"{self.registry.host}/bench/base-{app}:1"
        self.runner.run(["skopeo", "copy", "-q", "--dest-tls-verify=false", f"oci:{layout}:1", f"docker://{reference}"], self.work)
        self.bases[app] = reference

    def starts(self, app, variant, repository_tag):
        try:
            return self._starts(app, variant, repository_tag)
        except (Exception, SystemExit) as error:
            return f"no: {str(error).splitlines()[0][:120]}"

    def _starts(self, app, variant, repository_tag):
        """Pulls the image into podman and runs it: a console app prints, a web app answers HTTP."""
        image = f"{self.registry.host}/{repository_tag}"
        self.runner.podman("pull", "-q", "--tls-verify=false", image)
        try:
            if app == "console-aot":
                _, output = self.runner.podman("run", "--rm", image, check=False)
                return "yes" if "World!" in output else f"no: {output.strip()[-120:]}"
            port = free_port()
            name = f"bench-{app}-{variant}-{port}"
            self.runner.podman("run", "-d", "--name", name, "--network", "host", "-e", f"ASPNETCORE_HTTP_PORTS={port}",
                               "-e", "ASPNETCORE_URLS=", image)
            try:
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    try:
                        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                            return "yes" if "World!" in r.read().decode() else "no: wrong answer"
                    except OSError:
                        time.sleep(0.25)
                _, logs = self.runner.podman("logs", name, check=False)
                return f"no: {logs.strip()[-120:]}"
            finally:
                self.runner.podman("rm", "-f", name, check=False)
        finally:
            self.runner.podman("rmi", "-f", image, check=False)

    def bench_app(self, app, version, save):
        """Every figure for one app; save(result) after each build, so a run cut short keeps what it measured."""
        print(f"== {app}", flush=True)
        self.setup(app, version)
        result = {v: {"runs": []} for v in self.variants(app)}
        save(result)
        for run in range(self.args.runs):
            for variant in self.variants(app):
                if variant in ("sdk", "podman") and app not in self.bases:
                    self.make_base(app)
                row = self.build(app, variant, f"r{run}", clean=True)
                result[variant]["runs"].append(row)
                save(result)
                print(f"  {variant} run {run + 1}: {bench_report.describe(row)}", flush=True)
        for variant in self.variants(app):
            entry = result[variant]
            last = entry["runs"][-1]
            if "no_image" in last:
                entry["no_image"] = last["no_image"]
            else:
                entry["starts"] = self.starts(app, variant, f"bench/{app}-{variant}:r{self.args.runs - 1}")
            one_line_change(self.folder(app, variant))
            changed = self.build(app, variant, "changed", clean=False)
            if "no_image" not in changed and "no_image" not in last:
                entry["reuploaded"] = reuploaded(last, changed)
            save(result)
            print(f"  {variant}: starts {entry.get('starts', '-')}, re-uploaded {entry.get('reuploaded', '-')} B", flush=True)
            if variant in ("slim", "podman"):
                # The same publish again with nothing changed: what Slim (or the plain SDK) does on a no-op.
                again = self.build(app, variant, "again", clean=False)
                entry["unchanged"] = {k: again[k] for k in ("whole", "slim_targets", "plain_publish") if k in again}
                save(result)
                print(f"  {variant}: unchanged republish {again['whole']:.1f} s", flush=True)
        return result

    def main(self):
        if not self.args.skip_setup:
            subprocess.run([str(ROOT / "build/bootstrap.sh")], check=True)
        version = self.args.slim_version or \
            subprocess.run([str(ROOT / "build/pack.sh")], text=True, capture_output=True, check=True).stdout.split()[-1]
        self.registry = Registry(REGISTRY_BIN, self.work)
        self.measure = ImageMeasure(self.registry)
        # The SDK speaks plain HTTP only to registries named here (SDK 9.0.100 and later).
        self.runner.env["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = self.registry.host
        results = {"apps": {}, "runs": self.args.runs, "machine": bench_report.machine(version),
                   "lock": self.runner.lock, "command": " ".join(["build/bench-peers.py"] + sys.argv[1:])}
        try:
            for app in self.args.apps.split(","):
                def save(result, app=app):
                    results["apps"][app] = result
                    (self.work / "results.json").write_text(json.dumps(results, indent=1))
                try:
                    self.bench_app(app, version, save)
                except (Exception, SystemExit) as error:  # one app failing leaves the others' figures
                    results.setdefault("errors", {})[app] = str(error)[:2000]
                    print(f"{app} failed: {error}", flush=True)
        finally:
            self.registry.stop()
        results["finished"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        (self.work / "results.json").write_text(json.dumps(results, indent=1))
        print(f"results: {self.work / 'results.json'}")
        return results


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="clean builds per tool and app (medians); 2 or more to compare digests")
    parser.add_argument("--apps", default=",".join(APPS), help="comma-separated, from: " + ", ".join(APPS))
    parser.add_argument("--work", default="/tmp/slim-bench-peers", help="scratch folder")
    parser.add_argument("--skip-setup", action="store_true", help="do not run build/bootstrap.sh")
    parser.add_argument("--slim-version", help="use this Slim, already in artifacts/feed, instead of packing one")
    parser.add_argument("--render", metavar="RESULTS_JSON", nargs="+",
                        help="only rewrite docs/benchmarks.md and the chart from saved runs (several: their apps merged)")
    args = parser.parse_args()
    results = merge([json.loads(Path(f).read_text()) for f in args.render]) if args.render else Bench(args).main()
    bench_report.write(results, ROOT / "docs")


def merge(saved):
    """One results object from runs that each did some of the apps (e.g. the AOT apps and the others side by side)."""
    merged = dict(saved[0], apps={}, command="; ".join(r["command"] for r in saved),
                  finished=max(r.get("finished", "") for r in saved), runs=min(r["runs"] for r in saved))
    merged["errors"] = {app: error for r in saved for app, error in r.get("errors", {}).items()}
    for app in APPS:
        for r in saved:
            if app in r["apps"]:
                merged["apps"][app] = r["apps"][app]
    return merged


if __name__ == "__main__":
    main()
