"""The measuring side of build/bench-peers.py: Debian's docker-registry on loopback, the base images the
peers build on (made from the base layers of Slim's own image), and what a pushed image weighs."""
import gzip, hashlib, io, json, os, shutil, socket, subprocess, tarfile, time, urllib.request
from pathlib import Path

MANIFEST_TYPES = ", ".join([
    "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.v2+json",
    "application/vnd.oci.image.index.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json"])
OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json"
OCI_CONFIG = "application/vnd.oci.image.config.v1+json"
OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Registry:
    """docker-registry serve CONFIG on 127.0.0.1, storage in a temporary folder, stopped by stop()."""

    def __init__(self, binary, work):
        self.port = free_port()
        self.host = f"127.0.0.1:{self.port}"
        storage = work / "registry-storage"
        shutil.rmtree(storage, ignore_errors=True)
        config = work / "registry.yml"
        config.write_text(f"version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: {storage}\n"
                          f"  delete:\n    enabled: true\nhttp:\n  addr: {self.host}\n")
        self.log = open(work / "registry.log", "w")
        self.process = subprocess.Popen([str(binary), "serve", str(config)], stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://{self.host}/v2/", timeout=2).read()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"docker-registry did not start: see {work / 'registry.log'}")
                time.sleep(0.2)

    def stop(self):
        self.process.terminate()
        self.process.wait()
        self.log.close()

    def _get(self, path, accept=None):
        request = urllib.request.Request(f"http://{self.host}{path}", headers={"Accept": accept} if accept else {})
        return urllib.request.urlopen(request, timeout=120)

    def manifest(self, repository, tag):
        """(digest, manifest) of repository:tag; an index is followed to its first manifest."""
        with self._get(f"/v2/{repository}/manifests/{tag}", MANIFEST_TYPES) as response:
            body = response.read()
            digest = response.headers.get("Docker-Content-Digest") or "sha256:" + hashlib.sha256(body).hexdigest()
        manifest = json.loads(body)
        if "manifests" in manifest:
            return self.manifest(repository, manifest["manifests"][0]["digest"])
        return digest, manifest

    def blob(self, repository, digest):
        return self._get(f"/v2/{repository}/blobs/{digest}")


class ImageMeasure:
    """Reads an image from the registry: wire bytes, unpacked bytes, layers, user. Unpacked sizes are cached by digest."""

    def __init__(self, registry):
        self.registry = registry
        self._unpacked = {}

    def measure(self, repository, tag):
        digest, manifest = self.registry.manifest(repository, tag)
        layers = manifest["layers"]
        with self.registry.blob(repository, manifest["config"]["digest"]) as response:
            config = json.loads(response.read())
        user = (config.get("config") or {}).get("User") or ""
        return {
            "digest": digest,
            "layers": [{"digest": l["digest"], "size": l["size"]} for l in layers],
            "wire": sum(l["size"] for l in layers),
            "unpacked": sum(self._unpacked_size(repository, l["digest"]) for l in layers),
            "user": user,
            "non_root": user.split(":")[0] not in ("", "0", "root"),
        }

    def _unpacked_size(self, repository, digest):
        if digest not in self._unpacked:
            total = 0
            with self.registry.blob(repository, digest) as response, gzip.GzipFile(fileobj=response) as unpacked:
                while chunk := unpacked.read(1 << 20):
                    total += len(chunk)
            self._unpacked[digest] = total
        return self._unpacked[digest]


def reuploaded(before, after):
    """Bytes of the layers a push of `after` sends to a registry that holds `before`."""
    known = {l["digest"] for l in before["layers"]}
    return sum(l["size"] for l in after["layers"] if l["digest"] not in known)


def _write_blob(layout, data):
    digest = hashlib.sha256(data).hexdigest()
    (layout / "blobs" / "sha256").mkdir(parents=True, exist_ok=True)
    (layout / "blobs" / "sha256" / digest).write_bytes(data)
    return "sha256:" + digest


def slim_base_layers(image_tar, report_json):
    """The layers of Slim's image.tar that hold the base (report.json names them 'base: ...'), as
    (gzip bytes, diff id) pairs."""
    holds = [layer["holds"] for layer in json.loads(Path(report_json).read_text())["image"]["layers"]]
    with tarfile.open(image_tar) as archive:
        read = lambda name: archive.extractfile(name).read()
        index = json.loads(read("index.json"))
        manifest = json.loads(read("blobs/sha256/" + index["manifests"][0]["digest"].split(":")[1]))
        config = json.loads(read("blobs/sha256/" + manifest["config"]["digest"].split(":")[1]))
        return [(read("blobs/sha256/" + layer["digest"].split(":")[1]), config["rootfs"]["diff_ids"][i])
                for i, layer in enumerate(manifest["layers"]) if holds[i].startswith("base")]


def runtime_layer(dotnet_root, runtime_version):
    """The shared runtime the framework-dependent app runs on, where the official images put it:
    /usr/share/dotnet (the muxer, hostfxr, Microsoft.NETCore.App and Microsoft.AspNetCore.App) and
    /usr/bin/dotnet linking to it. Written reproducibly (sorted, root-owned, time 0)."""
    dotnet_root = Path(dotnet_root)
    picked = [dotnet_root / "dotnet", dotnet_root / "host" / "fxr" / runtime_version,
              dotnet_root / "shared" / "Microsoft.NETCore.App" / runtime_version,
              dotnet_root / "shared" / "Microsoft.AspNetCore.App" / runtime_version]
    files = {}
    for top in picked:
        for path in [top, *(sorted(top.rglob("*")) if top.is_dir() else [])]:
            files["usr/share/dotnet/" + str(path.relative_to(dotnet_root))] = path
    folders = {"/".join(name.split("/")[:i]) for name in files for i in range(1, name.count("/") + 1)} | {"usr/bin"}
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as archive:
        def add(info, data=None):
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = 0
            archive.addfile(info, data)
        for name in sorted(folders | set(files) | {"usr/bin/dotnet"}):
            if name == "usr/bin/dotnet":
                info = tarfile.TarInfo(name)
                info.type, info.linkname, info.mode = tarfile.SYMTYPE, "../share/dotnet/dotnet", 0o777
                add(info)
            elif name in folders or files[name].is_dir():
                info = tarfile.TarInfo(name)
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                add(info)
            else:
                path = files[name]
                info = archive.gettarinfo(str(path), arcname=name)
                info.mode = 0o755 if os.access(path, os.X_OK) else 0o644
                if info.isreg():
                    with open(path, "rb") as f:
                        add(info, f)
                else:
                    add(info)
    data = raw.getvalue()
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0, compresslevel=6) as z:
        z.write(data)
    return packed.getvalue(), "sha256:" + hashlib.sha256(data).hexdigest()


def write_base_layout(layout, layers, env, architecture="amd64", variant=None):
    """An OCI layout holding one image, tag 1: the given (gzip bytes, diff id) layers and a config with env."""
    shutil.rmtree(layout, ignore_errors=True)
    layout.mkdir(parents=True)
    (layout / "oci-layout").write_text('{"imageLayoutVersion":"1.0.0"}')
    descriptors = [{"mediaType": OCI_LAYER, "digest": _write_blob(layout, data), "size": len(data)} for data, _ in layers]
    config = json.dumps({
        "architecture": architecture, **({"variant": variant} if variant else {}), "os": "linux", "created": "1970-01-01T00:00:00Z",
        "config": {"Env": env},
        "rootfs": {"type": "layers", "diff_ids": [diff for _, diff in layers]},
        "history": [{"created": "1970-01-01T00:00:00Z", "created_by": "build/bench-peers.py"} for _ in layers],
    }, separators=(",", ":")).encode()
    manifest = json.dumps({
        "schemaVersion": 2, "mediaType": OCI_MANIFEST,
        "config": {"mediaType": OCI_CONFIG, "digest": _write_blob(layout, config), "size": len(config)},
        "layers": descriptors,
    }, separators=(",", ":")).encode()
    (layout / "index.json").write_text(json.dumps({"schemaVersion": 2, "manifests": [{
        "mediaType": OCI_MANIFEST, "digest": _write_blob(layout, manifest), "size": len(manifest),
        "annotations": {"org.opencontainers.image.ref.name": "1"}}]}))
