namespace Slim.Build.Tasks.Image.Archive;

/// <summary>How a layer deletes what the layers below it hold: <c>.wh.name</c> for one path, <c>.wh..wh..opq</c> for a folder's children.</summary>
internal static class Whiteout
{
    private const string Prefix = ".wh.";
    private const string OpaqueName = ".wh..wh..opq";

    /// <summary>"usr/.wh..wh..opq" -> "usr": the folder whose lower children are gone; null for any other path.</summary>
    public static string? OpaqueFolder(string path) => NameOf(path) == OpaqueName ? FolderOf(path) : null;

    /// <summary>"usr/.wh.foo" -> "usr/foo": the path an upper layer deletes; null for any other path, the opaque marker too.</summary>
    public static string? Target(string path)
    {
        var name = NameOf(path);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || name == OpaqueName)
            return null;
        return path[..^name.Length] + name[Prefix.Length..];
    }

    private static string NameOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string FolderOf(string path) => path.Contains('/') ? path[..path.LastIndexOf('/')] : "";
}
