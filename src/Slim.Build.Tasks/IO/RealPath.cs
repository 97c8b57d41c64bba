namespace Slim.Build.Tasks.IO;

/// <summary>
/// A path with every symbolic link along it resolved, folders included, as realpath(3) gives it:
/// /lib64/ld-linux-x86-64.so.2 is /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 on a usr-merged
/// Debian. FileInfo.ResolveLinkTarget follows only the last part's links, not /lib64 -> usr/lib64.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); so does this.
    private const int MaxLinks = 40;

    /// <summary>Null when some part of the path does not exist or the links loop.</summary>
    public static string? Of(string path)
    {
        var full = Path.GetFullPath(path);
        if (!full.StartsWith('/'))
            return File.Exists(full) || Directory.Exists(full) ? full : null;

        var pending = new Stack<string>(Enumerable.Reverse(Parts(full)));
        var resolved = "/";
        var links = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
                continue;
            if (part == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? "/";
                continue;
            }
            var next = Path.Combine(resolved, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                    return null;
                if (target.StartsWith('/'))
                    resolved = "/";
                foreach (var targetPart in Enumerable.Reverse(Parts(target)))
                    pending.Push(targetPart);
                continue;
            }
            if (!info.Exists && !Directory.Exists(next))
                return null;
            resolved = next;
        }
        return resolved;
    }

    private static string[] Parts(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
