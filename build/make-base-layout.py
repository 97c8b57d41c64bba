#!/usr/bin/env python3
"""Writes an OCI image layout folder to use as ContainerBaseImage in measurements: one gzip layer of about
SIZE_MB of this machine's files (the loader, libc, then /usr/lib/x86_64-linux-gnu in name order), with
/etc/passwd and dpkg's status, the size of a debian:12-slim base by default.

    build/make-base-layout.py OUT_FOLDER [SIZE_MB=75] [NAME=latest]
"""
import gzip, hashlib, io, json, os, sys, tarfile

out, size_mb = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 75
name = sys.argv[3] if len(sys.argv) > 3 else "latest"
blobs = os.path.join(out, "blobs", "sha256")
os.makedirs(blobs, exist_ok=True)

def blob(data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(blobs, digest), "wb") as f:
        f.write(data)
    return "sha256:" + digest, len(data)

raw = io.BytesIO()
with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
    budget = size_mb * 1_000_000
    for path in ["/etc/passwd", "/etc/group", "/etc/os-release", "/var/lib/dpkg/status"]:
        tar.add(os.path.realpath(path), arcname=path.lstrip("/"))
    folder = "/usr/lib/x86_64-linux-gnu"
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if budget <= 0:
            break
        if entry.is_symlink() or not entry.is_file():
            continue
        tar.add(entry.path, arcname=entry.path.lstrip("/"))
        budget -= entry.stat().st_size
tar_bytes = raw.getvalue()
layer = gzip.compress(tar_bytes, compresslevel=6, mtime=0)
layer_digest, layer_size = blob(layer)
config = json.dumps({
    "architecture": "amd64", "os": "linux",
    "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + hashlib.sha256(tar_bytes).hexdigest()]},
    "history": [{"created_by": "build/make-base-layout.py"}],
}).encode()
config_digest, config_size = blob(config)
manifest = json.dumps({
    "schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": config_size},
    "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": layer_digest, "size": layer_size}],
}).encode()
manifest_digest, manifest_size = blob(manifest)
with open(os.path.join(out, "index.json"), "w") as f:
    json.dump({"schemaVersion": 2, "manifests": [{"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest,
               "size": manifest_size, "annotations": {"org.opencontainers.image.ref.name": name}}]}, f)
with open(os.path.join(out, "oci-layout"), "w") as f:
    f.write('{"imageLayoutVersion":"1.0.0"}')
print(f"{out}: layer {layer_size} bytes gzipped, {len(tar_bytes)} unpacked, manifest {manifest_digest}")
