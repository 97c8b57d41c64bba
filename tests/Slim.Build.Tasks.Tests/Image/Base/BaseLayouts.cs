using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Image;

namespace Slim.Build.Tasks.Tests.Image.Base;

/// <summary>
/// Real OCI image layouts for the base reader, written the way skopeo lays them out: layers from Slim's own
/// LayerWriter or, for hostile ones, raw tars from System.Formats.Tar (which writes any name it is given),
/// a config, a manifest, an index.json naming the image, and the blobs under blobs/sha256/.
/// </summary>
internal static class BaseLayouts
{
    public static readonly ImageEpoch Epoch = TinyImage.Epoch;
    public static readonly ImagePlatform Amd64 = new("amd64");

    public const string Libc6Status = "Package: libc6\nStatus: install ok installed\nVersion: 2.36-9+deb12u4\nArchitecture: amd64\nSource: glibc\n";

    /// <summary>A Debian-ish base layer: a file, an absolute symlink (allowed), a relative one that stays inside, libc6's status.d entry.</summary>
    public static LayerBlob DebianLikeLayer(string folder) => new LayerWriter(Epoch).Write(
    [
        LayerEntry.FromText("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"),
        LayerEntry.Link("usr/bin/sh", "/bin/busybox"),
        LayerEntry.Link("usr/lib/libfoo.so", "../../lib/libfoo.so.1"),
        LayerEntry.FromText("var/lib/dpkg/status.d/libc6", Libc6Status),
        LayerEntry.FromText("var/lib/dpkg/status.d/libc6.md5sums", "abc  lib/x86_64-linux-gnu/libc.so.6\n"),
    ], Path.Combine(folder, "layers", Guid.NewGuid().ToString("N")[..8] + ".tar.gz"));

    public static LayerBlob Layer(string folder, params LayerEntry[] entries) =>
        new LayerWriter(Epoch).Write(entries, Path.Combine(folder, "layers", Guid.NewGuid().ToString("N")[..8] + ".tar.gz"));

    /// <summary>A gzip layer from raw tar entries, whatever they hold (../evil, devices, links out).</summary>
    public static LayerBlob RawLayer(string folder, params TarEntry[] entries)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
            foreach (var entry in entries)
                writer.WriteEntry(entry);
        var tarBytes = tar.ToArray();
        var path = Path.Combine(folder, "layers", Guid.NewGuid().ToString("N")[..8] + ".tar.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var file = System.IO.File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            gzip.Write(tarBytes);
        var gz = System.IO.File.ReadAllBytes(path);
        return new LayerBlob(path, Sha256Digest.Of(gz), gz.Length, Sha256Digest.Of(tarBytes), tarBytes.Length, 0);
    }

    public static PaxTarEntry File(string name, string text = "x")
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
        return entry;
    }

    public static ImageDocuments Image(IReadOnlyList<LayerBlob> layers, ImagePlatform? platform = null) =>
        ImageDocuments.Create(new ImageConfig(platform ?? Amd64, ["/bin/base-entry"], User: "65532", WorkingDirectory: "/",
                Cmd: ["--base-arg"],
                Environment: [new NameValue("PATH", "/usr/local/bin:/usr/bin:/bin"), new NameValue("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt")],
                Labels: [new NameValue("org.opencontainers.image.vendor", "base-vendor"), new NameValue("org.opencontainers.image.title", "base")]),
            [.. layers.Select((l, i) => new ImageLayer(l, $"base layer {i}"))], new ManifestAnnotations(), Epoch);

    /// <summary>Writes <paramref name="image"/> as a layout folder; index.json names it <paramref name="name"/>; with <paramref name="nested"/>, through an inner index listing it with its platform.</summary>
    public static string Folder(ImageDocuments image, string folder, string? name = "latest", bool nested = false, ImagePlatform? platform = null)
    {
        Directory.CreateDirectory(Path.Combine(folder, "blobs", "sha256"));
        System.IO.File.WriteAllText(Path.Combine(folder, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        WriteBlob(folder, image.Config);
        WriteBlob(folder, image.Manifest);
        foreach (var layer in image.Layers)
            System.IO.File.Copy(layer.Path, Path.Combine(folder, "blobs", "sha256", Sha256Digest.Hex(layer.Digest)), overwrite: true);
        var manifest = Descriptor(OciManifestType, image.ManifestDigest, image.Manifest.Length, nested ? platform ?? Amd64 : null, nested ? null : name);
        if (nested)
        {
            var inner = Index(manifest);
            WriteBlob(folder, inner);
            manifest = Descriptor(OciIndexType, Sha256Digest.Of(inner), inner.Length, null, name);
        }
        System.IO.File.WriteAllBytes(Path.Combine(folder, "index.json"), Index(manifest));
        return folder;
    }

    private const string OciManifestType = "application/vnd.oci.image.manifest.v1+json";
    private const string OciIndexType = "application/vnd.oci.image.index.v1+json";

    private static void WriteBlob(string folder, byte[] content) =>
        System.IO.File.WriteAllBytes(Path.Combine(folder, "blobs", "sha256", Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant()), content);

    private static string Descriptor(string mediaType, string digest, long size, ImagePlatform? platform, string? name) =>
        $"{{\"mediaType\":\"{mediaType}\",\"digest\":\"{digest}\",\"size\":{size}"
        + (platform is null ? "" : $",\"platform\":{{\"architecture\":\"{platform.Architecture}\",\"os\":\"{platform.Os}\"}}")
        + (name is null ? "" : $",\"annotations\":{{\"org.opencontainers.image.ref.name\":\"{name}\"}}") + "}";

    private static byte[] Index(params string[] descriptors) =>
        Encoding.UTF8.GetBytes($"{{\"schemaVersion\":2,\"mediaType\":\"{OciIndexType}\",\"manifests\":[{string.Join(",", descriptors)}]}}");
}
