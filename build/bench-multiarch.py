#!/usr/bin/env python3
"""One publish, two architectures: Slim's image index against one architecture, and what the .NET SDK's
PublishContainer builds for the same apps (issue 28, item 6).

For each app of build/bench-peers.py (NativeAOT console, NativeAOT web, trimmed web, framework-dependent web):
  slim-one   dotnet publish through Slim (SDK form), one architecture (the machine's)
  slim-two   the same with ContainerRuntimeIdentifiers=linux-x64;linux-arm64: one OCI index in slim/image.tar
  sdk-two    the SDK's `dotnet publish -t:PublishContainer` with the same ContainerRuntimeIdentifiers, on a
             two-platform base in a loopback registry (made from Slim's own platform images minus the app's
             layers, so both tools stand on the same bytes), pushed to that registry
Clean publishes (bin/ and obj/ removed), medians of --runs. Prints per platform wire and unpacked bytes, the
publish times, what the SDK left in the registry (its tags, and whether the tag is an index), and rewrites the
table between the markers of docs/multiarch.md.

    build/bench-multiarch.py [--runs N] [--apps console-aot,web-framework] [--work DIR] [--no-docs]

SLIM_BENCH_LOCK=/tmp/slim-aot.lock makes every NativeAOT publish take that lock first (flock); the time spent
waiting for it is not counted.
"""
import argparse, datetime, gzip, importlib.util, json, os, re, shutil, statistics, subprocess, sys, tarfile, urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in build/
ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("bench_peers", ROOT / "build" / "bench-peers.py")
peers = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(peers)
from bench_registry import MANIFEST_TYPES, Registry, write_base_layout

BEGIN, END = "<!-- bench-multiarch:begin -->", "<!-- bench-multiarch:end -->"
RIDS = "linux-x64;linux-arm64"
OCI_INDEX = "application/vnd.oci.image.index.v1+json"


def platform_name(platform):
    return "/".join(filter(None, [platform["os"], platform["architecture"], platform.get("variant")]))


def index_platforms(image_tar):
    """platform name -> {wire, unpacked, layers: [(gzip bytes, diff id)]} of an index archive slim/image.tar."""
    with tarfile.open(image_tar) as archive:
        read = lambda digest: archive.extractfile("blobs/sha256/" + digest.split(":")[1]).read()
        top = json.loads(archive.extractfile("index.json").read())
        index = json.loads(read(top["manifests"][0]["digest"]))
        result = {}
        for entry in index.get("manifests", []):
            manifest = json.loads(read(entry["digest"]))
            config = json.loads(read(manifest["config"]["digest"]))
            blobs = [read(layer["digest"]) for layer in manifest["layers"]]
            result[platform_name(entry["platform"])] = {
                "wire": sum(len(b) for b in blobs),
                "unpacked": sum(len(gzip.decompress(b)) for b in blobs),
                "layers": list(zip(blobs, config["rootfs"]["diff_ids"])),
                "env": config.get("config", {}).get("Env", []),
            }
        return result


def base_layer_count(folder, rid):
    """How many of the platform image's bottom layers are the base the app stands on: the OS base, the CAs, and for a
    framework-dependent app the shared runtime (its report names them base:, trust:, shared runtime:); a trimmed app's
    runtime layer is the app's own publish, so it is not the SDK's base."""
    report = json.loads(next((folder / "bin").rglob(f"slim/{rid}/report.json")).read_text())
    return sum(1 for layer in report["image"]["layers"] if re.match(r"(base|trust|shared runtime):", layer["holds"]))


class MultiArchBench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work)
        self.work.mkdir(parents=True, exist_ok=True)
        self.runner = peers.Runner(self.work, os.environ.get("SLIM_BENCH_LOCK", ""))
        self.registry = None

    def project(self, app, variant, version):
        folder = self.work / "apps" / app / variant
        peers.make_project(folder, app, version, with_slim=variant.startswith("slim"))
        if variant.endswith("-two"):
            csproj = folder / f"{peers.PROJECT}.csproj"
            rids = f"<ContainerRuntimeIdentifiers>{RIDS}</ContainerRuntimeIdentifiers>"
            if variant == "sdk-two":
                # The SDK's publish of each RID reads the assets file of the project's own restore: its documented
                # multi-architecture set-up restores them all through RuntimeIdentifiers.
                rids += f"<RuntimeIdentifiers>{RIDS}</RuntimeIdentifiers>"
            # The peers' settings pin linux-x64; a RID list replaces it, as the SDK documents.
            text = csproj.read_text().replace("<RuntimeIdentifier>linux-x64</RuntimeIdentifier>", "")
            csproj.write_text(text.replace("</Project>", f"<PropertyGroup>{rids}</PropertyGroup></Project>"))
        return folder

    def publish(self, folder, app, extra=(), check=True):
        shutil.rmtree(folder / "bin", ignore_errors=True)
        shutil.rmtree(folder / "obj", ignore_errors=True)
        return self.runner.run(["dotnet", "publish", "-c", "Release", "-v:m", "-nologo", *extra], folder,
                               locked=peers.is_aot(app), check=check)

    def sdk_base(self, app, slim_folder):
        """The SDK's two-platform base: each platform of Slim's index without the app's layers, as one OCI index."""
        repository = f"bench/multiarch-base-{app}"
        entries = []
        for name, image in index_platforms(next((slim_folder / "bin").rglob("slim/image.tar"))).items():
            rid = "linux-x64" if "/amd64" in name else "linux-arm64"
            layers = image["layers"][:base_layer_count(slim_folder, rid)]
            env = peers.BASE_ENV + [e for e in image["env"] if e.startswith("DOTNET_ROOT=")]
            layout = self.work / "bases" / f"{app}-{rid}"
            parts = name.split("/")
            write_base_layout(layout, layers, env, architecture=parts[1], variant=parts[2] if len(parts) > 2 else None)
            # skopeo pushes one platform at a time, under a tag of its own; the index over both is put by this script.
            self.runner.run(["skopeo", "copy", "-q", "--dest-tls-verify=false", f"oci:{layout}:1",
                             f"docker://{self.registry.host}/{repository}:1-{rid}"], self.work)
            digest, manifest = self.registry.manifest(repository, f"1-{rid}")
            entries.append((digest, manifest, name))
        self.registry.put_index(repository, "1", entries)
        return f"{self.registry.host}/{repository}:1"

    def sdk_two(self, app, base, folder, tag):
        repository = f"bench/multiarch-{app}-sdk"
        seconds, output = self.publish(folder, app, [
            "-t:PublishContainer", f"-p:ContainerBaseImage={base}", f"-p:ContainerRegistry={self.registry.host}",
            f"-p:ContainerRepository={repository}", f"-p:ContainerImageTag={tag}"], check=False)
        row = {"whole": seconds}
        errors = [line.strip() for line in output.splitlines() if re.search(r"error [A-Z]*\d*:|: error ", line)]
        if errors:
            row["error"] = re.sub(r"\s+\[[^\]]+\]$", "", errors[0])[:300]
            return row
        tags = self.registry.tags(repository)
        row["tags"] = tags
        top = self.registry.raw_manifest(repository, tag)
        row["tag_is_index"] = "manifests" in top
        row["platforms"] = {}
        for entry in top.get("manifests", []):
            measured = self.measure.measure(repository, entry["digest"])
            row["platforms"][platform_name(entry["platform"])] = {"wire": measured["wire"], "unpacked": measured["unpacked"]}
        if "manifests" not in top:  # one image where two were asked for: which platform it is
            with self.registry.blob(repository, top["config"]["digest"]) as response:
                config = json.loads(response.read())
            measured = self.measure.measure(repository, tag)
            row["platforms"][platform_name(config)] = {"wire": measured["wire"], "unpacked": measured["unpacked"]}
        return row

    def bench_app(self, app, version):
        print(f"== {app}", flush=True)
        result = {}
        for variant in ("slim-one", "slim-two"):
            folder = self.project(app, variant, version)
            runs = []
            for run in range(self.args.runs):
                seconds, _ = self.publish(folder, app)
                runs.append(seconds)
                print(f"  {variant} run {run + 1}: {seconds:.1f} s", flush=True)
            platforms = index_platforms(next((folder / "bin").rglob("slim/image.tar"))) if variant == "slim-two" else {}
            result[variant] = {"whole": statistics.median(runs), "runs": runs,
                               "platforms": {n: {"wire": p["wire"], "unpacked": p["unpacked"]} for n, p in platforms.items()}}
        base = self.sdk_base(app, self.work / "apps" / app / "slim-two")
        folder = self.project(app, "sdk-two", version)
        rows = [self.sdk_two(app, base, folder, f"r{run}") for run in range(self.args.runs)]
        result["sdk-two"] = dict(rows[-1], whole=statistics.median(r["whole"] for r in rows), runs=[r["whole"] for r in rows])
        print(f"  slim: {json.dumps(result['slim-two']['platforms'])}\n  sdk: {json.dumps(result['sdk-two'])[:600]}", flush=True)
        return result

    def main(self):
        version = self.args.slim_version or \
            subprocess.run([str(ROOT / "build/pack.sh")], text=True, capture_output=True, check=True).stdout.split()[-1]
        self.registry = BenchRegistry(peers.REGISTRY_BIN, self.work)
        self.measure = peers.ImageMeasure(self.registry)
        self.runner.env["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = self.registry.host
        results = {"apps": {}, "runs": self.args.runs, "machine": peers.bench_report.machine(version),
                   "command": " ".join(["build/bench-multiarch.py"] + sys.argv[1:])}
        try:
            for app in self.args.apps.split(","):
                try:
                    results["apps"][app] = self.bench_app(app, version)
                except (Exception, SystemExit) as error:
                    results.setdefault("errors", {})[app] = str(error)[:2000]
                    print(f"{app} failed: {error}", flush=True)
                (self.work / "results.json").write_text(json.dumps(results, indent=1))
        finally:
            self.registry.stop()
        results["finished"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        (self.work / "results.json").write_text(json.dumps(results, indent=1))
        print(f"results: {self.work / 'results.json'}")
        return results


class BenchRegistry(Registry):
    """The loopback registry, with what this benchmark reads beyond bench-peers: tags, raw manifests, an index put."""

    def tags(self, repository):
        with self._get(f"/v2/{repository}/tags/list") as response:
            return sorted(json.loads(response.read()).get("tags") or [])

    def raw_manifest(self, repository, reference):
        with self._get(f"/v2/{repository}/manifests/{reference}", MANIFEST_TYPES) as response:
            return json.loads(response.read())

    def put_index(self, repository, tag, entries):
        """An OCI index over (digest, manifest, platform name) under repository:tag."""
        manifests = []
        for digest, manifest, name in entries:
            parts = name.split("/")
            platform = {"architecture": parts[1], "os": parts[0], **({"variant": parts[2]} if len(parts) > 2 else {})}
            with self._get(f"/v2/{repository}/manifests/{digest}", manifest["mediaType"]) as response:
                size = len(response.read())
            manifests.append({"mediaType": manifest["mediaType"], "digest": digest, "size": size, "platform": platform})
        body = json.dumps({"schemaVersion": 2, "mediaType": OCI_INDEX, "manifests": manifests}).encode()
        request = urllib.request.Request(f"http://{self.host}/v2/{repository}/manifests/{tag}", data=body, method="PUT",
                                         headers={"Content-Type": OCI_INDEX})
        urllib.request.urlopen(request, timeout=60).read()


def table(results):
    mb = lambda b: f"{b / 1e6:.2f}"
    lines = ["| App | Slim, linux/amd64 (wire / unpacked MB) | Slim, linux/arm64 (wire / unpacked MB) | Slim publish, one arch (s) | "
             "Slim publish, two (s) | SDK `PublishContainer`, two arches | SDK publish (s) |",
             "|---|---:|---:|---:|---:|---|---:|"]
    for app, r in results["apps"].items():
        plat = r["slim-two"]["platforms"]
        amd = next((p for n, p in plat.items() if "/amd64" in n), None)
        arm = next((p for n, p in plat.items() if "/arm64" in n), None)
        sdk = r["sdk-two"]
        if "error" in sdk:
            said = f"fails: `{sdk['error'][:160]}`"
        else:
            sizes = ", ".join(f"{n} {mb(p['wire'])} / {mb(p['unpacked'])}" for n, p in sdk["platforms"].items())
            said = (f"an index ({sizes})" if sdk["tag_is_index"] else f"no index: one image, {sizes}") + \
                f"; tags in the registry: {', '.join(sdk['tags'])}"
        cell = lambda p: f"{mb(p['wire'])} / {mb(p['unpacked'])}" if p else "-"
        lines.append(f"| {peers.bench_report.APP_NAMES[app]} | {cell(amd)} | {cell(arm)} | {r['slim-one']['whole']:.1f} | "
                     f"{r['slim-two']['whole']:.1f} | {said} | {sdk['whole']:.1f} |")
    for app, error in results.get("errors", {}).items():
        lines.append(f"| {peers.bench_report.APP_NAMES[app]} | not measured: `{error.splitlines()[0][:160]}` | | | | | |")
    m = results["machine"]
    head = (f"Run: `{results['command']}`, finished {results['finished']}; medians of {results['runs']} clean publishes. "
            f"Machine: {m['host']}, {m['cores']} cores, {m['os']}, .NET SDK {m['sdk']}, Slim {m['slim']}.")
    return head + "\n\n" + "\n".join(lines)


def write_doc(results):
    doc = ROOT / "docs" / "multiarch.md"
    text = doc.read_text()
    if BEGIN not in text:
        raise SystemExit(f"{doc} has no {BEGIN} marker")
    before, rest = text.split(BEGIN, 1)
    doc.write_text(before + BEGIN + "\n\n" + table(results) + "\n\n" + END + rest.split(END, 1)[1])


def merge(saved):
    """One results object from runs that each measured some of the apps."""
    merged = dict(saved[-1], apps={}, command="; ".join(r["command"] for r in saved), runs=min(r["runs"] for r in saved),
                  finished=max(r.get("finished", "") for r in saved), errors={})
    for app in peers.APPS:
        for r in saved:
            if app in r["apps"]:
                merged["apps"][app] = r["apps"][app]
                merged["errors"].pop(app, None)
            elif app in r.get("errors", {}):
                merged["errors"][app] = r["errors"][app]
    return merged


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--apps", default=",".join(peers.APPS), help="comma-separated, from: " + ", ".join(peers.APPS))
    parser.add_argument("--work", default="/tmp/slim-bench-multiarch")
    parser.add_argument("--slim-version", help="use this Slim, already in artifacts/feed, instead of packing one")
    parser.add_argument("--render", metavar="RESULTS_JSON", nargs="+",
                        help="only rewrite docs/multiarch.md's table from saved runs (several: their apps merged, a later one's winning)")
    parser.add_argument("--no-docs", action="store_true")
    args = parser.parse_args()
    results = merge([json.loads(Path(f).read_text()) for f in args.render]) if args.render else MultiArchBench(args).main()
    print(table(results))
    if not args.no_docs:
        write_doc(results)


if __name__ == "__main__":
    main()
