using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>One entry of a package's data.tar: its path without "./" (lib/x86_64-linux-gnu/libc.so.6), kind, mode and link target.</summary>
/// <param name="Mode">Permission bits (0644, 0755); set-id bits are dropped, nothing in a base runs as another user.</param>
internal sealed record DebEntry(string Path, LayerEntryKind Kind, int Mode, string? LinkTarget)
{
    /// <summary>The link target as a path in the package ("../usr/lib/os-release" from etc/ → usr/lib/os-release); null when it leaves the tree.</summary>
    public string? ResolvedTarget()
    {
        if (LinkTarget is null)
            return null;
        var parts = LinkTarget.StartsWith('/') ? new List<string>() : [.. Path.Split('/')[..^1]];
        foreach (var part in LinkTarget.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                    return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
                parts.Add(part);
        }
        return string.Join('/', parts);
    }
}
