using Slim.Build.Tasks.Elf;

namespace Slim.Build.Tasks.Needs;

/// <summary>The shared libraries the files that ship need from the system: each DT_NEEDED and the interpreter.</summary>
internal static class NativeNeeds
{
    private static readonly string[] SystemFolders = ["/lib64", "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib", "/usr/lib"];

    public static IReadOnlyList<NativeLibraryNeed> Of(IReadOnlyList<ShippedFile> files)
    {
        var shipped = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var neededBy = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (ElfFile.TryRead(file.Source) is not { } elf)
                continue;
            var needs = elf.Interpreter is { } interpreter ? elf.Needed.Prepend(interpreter) : elf.Needed;
            foreach (var name in needs)
                (neededBy.TryGetValue(name, out var list) ? list : neededBy[name] = []).Add(file.RelativePath);
        }
        return neededBy.Select(entry =>
        {
            var ships = shipped.Contains(Path.GetFileName(entry.Key));
            var host = ships ? null : HostPath(entry.Key);
            return new NativeLibraryNeed(entry.Key, ships, host, host is null ? null : new FileInfo(host).Length, entry.Value);
        }).ToList();
    }

    private static string? HostPath(string name)
    {
        if (name.StartsWith('/'))
            return File.Exists(name) ? Path.GetFullPath(new FileInfo(name).ResolveLinkTarget(true)?.FullName ?? name) : null;
        foreach (var folder in SystemFolders)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
                return new FileInfo(path).ResolveLinkTarget(true)?.FullName ?? path;
        }
        return null;
    }
}
