using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>
/// The smallest image that proves an image is an image: one layer holding a gcc -static program (no libc
/// or loader needed), /etc/passwd with the app user 1654, /tmp, and a long path and link target, run as 1654.
/// </summary>
internal static class TinyImage
{
    public const string Greeting = "hello from slim";
    public static readonly ImageEpoch Epoch = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    /// <summary>A file under a path over 100 bytes with a non-ASCII name, and a symlink to it whose target is over 100 bytes.</summary>
    public static readonly string LongPath = "app/" + string.Concat(Enumerable.Repeat("a-folder-with-a-long-name/", 5)) + "données.json";
    public static readonly string LongLink = "app/link-" + new string('l', 110);
    public const string LongFileText = "{\"long\":true}";

    public static ImageDocuments Build(TempFolder temp, string program)
    {
        var layer = new LayerWriter(Epoch).Write(
        [
            LayerEntry.FromFile("app/hello", program, executable: true),
            LayerEntry.FromText("etc/passwd", "root:x:0:0:root:/root:/sbin/nologin\napp:x:1654:1654::/app:/sbin/nologin\n"),
            LayerEntry.FromText("etc/group", "root:x:0:\napp:x:1654:\n"),
            LayerEntry.Folder("tmp", 0x3FF),
            LayerEntry.FromText(LongPath, LongFileText),
            LayerEntry.Link(LongLink, "/" + LongPath),
        ], Path.Combine(temp.Path, "layers", "app.tar.gz"));
        var config = new ImageConfig(
            new ImagePlatform("amd64"),
            Entrypoint: ["/app/hello"],
            User: "1654",
            WorkingDirectory: "/app",
            Environment: [new NameValue("DOTNET_RUNNING_IN_CONTAINER", "true"), new NameValue("PATH", "/app")],
            Ports: [new ContainerPort(8080, "tcp")],
            Labels: [new NameValue("org.opencontainers.image.title", "tiny")]);
        return ImageDocuments.Create(config, [new ImageLayer(layer, "slim: app")],
            new ManifestAnnotations(Source: "https://github.com/slim-build/slim", Revision: "0123abc"), Epoch);
    }
}
