using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

/// <summary>
/// Real image archives for the checks, written with the project's own LayerWriter and OciArchiveWriter from
/// real files of this machine (/bin/true, its libc and loader), read back with ImageFileSystem.
/// </summary>
internal static class CheckImage
{
    public const string Passwd = "root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654::/app:/sbin/nologin\n";

    /// <summary>/bin/true as the app, with the libc and loader it needs, /etc/passwd, a sticky /tmp, run as 1654 in /app.</summary>
    public static List<LayerEntry> Healthy() =>
    [
        LayerEntry.FromFile("app/true", "/bin/true", executable: true),
        LayerEntry.FromFile("usr/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6", executable: true),
        LayerEntry.FromFile("usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", executable: true),
        // The usr-merged layout: /lib -> usr/lib, and the loader's PT_INTERP path through /lib64.
        LayerEntry.Link("lib", "usr/lib"),
        LayerEntry.Link("lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2"),
        LayerEntry.FromText("etc/passwd", Passwd),
        LayerEntry.Folder("tmp", 0x3FF),
    ];

    public static ImageConfig Config(string? user = "1654", string entrypoint = "/app/true", string? workingDirectory = "/app") =>
        new(new ImagePlatform("amd64"), Entrypoint: [entrypoint], User: user, WorkingDirectory: workingDirectory);

    /// <summary>Writes the layers (bottom first) and the config as slim/image.tar would be, and reads it back.</summary>
    public static ImageFileSystem Write(TempFolder temp, IReadOnlyList<IReadOnlyList<LayerEntry>> layers, ImageConfig? config = null, bool docker = false)
    {
        var blobs = layers.Select((entries, i) => new ImageLayer(new LayerWriter(TinyImage.Epoch).Write(entries, Path.Combine(temp.Path, "layers", $"{i}.tar.gz")), $"layer {i}")).ToList();
        var documents = ImageDocuments.Create(config ?? Config(), blobs, new ManifestAnnotations(), TinyImage.Epoch);
        var archive = Path.Combine(temp.Path, docker ? "image.docker.tar" : "image.tar");
        IImageArchiveWriter writer = docker ? new DockerArchiveWriter(TinyImage.Epoch) : new OciArchiveWriter(TinyImage.Epoch);
        writer.Write(documents, ["localhost/checks:1"], archive);
        return ImageFileSystem.Read(archive);
    }

    public static ImageFileSystem Write(TempFolder temp, IReadOnlyList<LayerEntry> layer, ImageConfig? config = null) => Write(temp, [layer], config);

    public static ImageCheckContext Context(ImageFileSystem image, RuntimeNeeds? needs = null, AnalysisWarnings? analysis = null, long? maxWaste = null) =>
        new(image, ImageElfFiles.Read(image), needs, analysis ?? new AnalysisWarnings(0, [], "none"), "auto", maxWaste);

    public static CheckFinding Run(IImageCheck check, ImageFileSystem image, RuntimeNeeds? needs = null) => check.Run(Context(image, needs));

    public static RuntimeNeeds Needs(params NeedKind[] needed) => new(
        new GlobalizationDecision(!needed.Contains(NeedKind.Icu), GlobalizationDecision.BySlim, "test", []),
        [.. needed.Select(k => new RuntimeNeed(k, true, $"the app needs {k}", [new NeedEvidence("App.dll", "calls it")]))], [], []);
}
