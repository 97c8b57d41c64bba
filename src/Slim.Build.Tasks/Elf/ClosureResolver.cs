using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Elf;

/// <summary>
/// The search behind <see cref="LibraryClosure.Resolve"/>, breadth first from the shipped files. It
/// follows glibc's ld.so with two simplifications no published app depends on: DT_RPATH is read
/// from the requester only (ld.so also reads its loaders'), and $LIB, $PLATFORM and relative
/// search folders are passed over. A file built for another processor or ELF class is passed over
/// the way ld.so does, so an x64 host does not resolve an arm64 app's libraries.
/// </summary>
internal sealed class ClosureResolver(IReadOnlyList<string> systemFolders)
{
    private readonly Dictionary<string, ElfFile?> readByRealPath = new(StringComparer.Ordinal);
    private readonly List<Requester> shipped = [];
    private readonly Dictionary<string, List<Requester>> shippedByName = new(StringComparer.Ordinal);
    private readonly HashSet<string> shippedRealPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<(string SoName, string Architecture), Found> found = [];
    private readonly Dictionary<(string SoName, string Architecture), UnresolvedLibrary> missing = [];
    private readonly Dictionary<(string SoName, string Architecture), List<string>> neededBy = [];
    private readonly Queue<Requester> toRead = new();
    private readonly List<SkippedFile> skipped = [];

    public LibraryClosure Resolve(IEnumerable<string> shippedFiles)
    {
        foreach (var path in shippedFiles.Distinct(StringComparer.Ordinal))
            ReadShipped(path);
        foreach (var program in shipped.Where(s => s.Elf.Interpreter is not null))
            NeedInterpreter(program);
        foreach (var file in shipped)
            toRead.Enqueue(file);
        while (toRead.TryDequeue(out var requester))
            foreach (var soName in requester.Elf.Needed)
                Need(requester, soName);

        return new LibraryClosure(
            [.. found.Select(f => f.Value.ToLibrary(neededBy[f.Key])).OrderBy(l => l.SoName, StringComparer.Ordinal).ThenBy(l => l.Path, StringComparer.Ordinal)],
            [.. missing.Values.OrderBy(l => l.SoName, StringComparer.Ordinal)],
            skipped);
    }

    private void ReadShipped(string path)
    {
        var real = RealPath.Of(path);
        if (real is null)
        {
            skipped.Add(new SkippedFile(path, "no such file"));
            return;
        }
        if (Read(real, out var error) is not { } elf)
        {
            skipped.Add(new SkippedFile(path, error ?? "not an ELF file"));
            return;
        }
        var file = new Requester(path, elf);
        shipped.Add(file);
        shippedRealPaths.Add(real);
        foreach (var name in new[] { Path.GetFileName(path), elf.SoName }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (!shippedByName.TryGetValue(name, out var files))
                shippedByName[name] = files = [];
            files.Add(file);
        }
    }

    private void NeedInterpreter(Requester program)
    {
        var path = program.Elf.Interpreter!;
        var candidate = Accept(path, program.Elf, out var rejection);
        var soName = candidate?.Elf.SoName ?? Path.GetFileName(path);
        var key = (soName, program.Elf.Architecture);
        if (candidate is null)
            NoteMissing(key, program, rejection is null ? [path + ": no such file"] : [rejection]);
        else if (!Known(key, program))
            Add(key, candidate.Value, LibraryLookup.Interpreter, program);
    }

    private void Need(Requester requester, string soName)
    {
        var key = (soName, requester.Elf.Architecture);
        if (Known(key, requester))
            return;

        var rejected = new List<string>();
        foreach (var file in shippedByName.GetValueOrDefault(soName) ?? [])
        {
            if (requester.Elf.CanLoad(file.Elf))
            {
                Add(key, new Candidate(file.Path, RealPath.Of(file.Path)!, file.Elf), LibraryLookup.ShippedFile, requester);
                return;
            }
            rejected.Add(Mismatch(file.Path, file.Elf, requester.Elf));
        }
        foreach (var (folders, lookup) in new[] { (SearchFolders(requester), LibraryLookup.SearchPath), (systemFolders, LibraryLookup.SystemFolder) })
        {
            foreach (var folder in folders)
            {
                if (Accept(Path.Combine(folder, soName), requester.Elf, out var rejection) is { } candidate)
                {
                    Add(key, candidate, lookup, requester);
                    return;
                }
                if (rejection is not null)
                    rejected.Add(rejection);
            }
        }
        NoteMissing(key, requester, rejected);
    }

    /// <summary>Whether the need was met or missed before; either way <paramref name="requester"/> is noted as needing it.</summary>
    private bool Known((string, string) key, Requester requester)
    {
        if (!neededBy.TryGetValue(key, out var requesters))
            return false;
        if (!requesters.Contains(requester.Path))
            requesters.Add(requester.Path);
        return true;
    }

    private void Add((string SoName, string) key, Candidate candidate, LibraryLookup lookup, Requester requester)
    {
        var isShipped = shippedRealPaths.Contains(candidate.RealPath);
        found[key] = new Found(key.SoName, candidate, isShipped ? LibrarySource.Shipped : LibrarySource.Host, lookup);
        neededBy[key] = [requester.Path];
        // A shipped file is read already, as a root.
        if (!isShipped)
            toRead.Enqueue(new Requester(candidate.Path, candidate.Elf));
    }

    private void NoteMissing((string SoName, string) key, Requester requester, IReadOnlyList<string> rejected)
    {
        List<string> requesters = [requester.Path];
        neededBy[key] = requesters;
        missing[key] = new UnresolvedLibrary(key.SoName, requesters, rejected);
    }

    /// <summary>The file at <paramref name="path"/> if the loader of <paramref name="requester"/> would take it; a reason when it is there but would be passed over.</summary>
    private Candidate? Accept(string path, ElfFile requester, out string? rejection)
    {
        rejection = null;
        if (!File.Exists(path) || RealPath.Of(path) is not { } real)
            return null;
        if (Read(real, out var error) is not { } elf)
        {
            rejection = $"{path}: {error ?? "not an ELF file"}";
            return null;
        }
        if (!requester.CanLoad(elf))
        {
            rejection = Mismatch(path, elf, requester);
            return null;
        }
        return new Candidate(path, real, elf);
    }

    private static string Mismatch(string path, ElfFile library, ElfFile requester) =>
        $"{path}: {library.Architecture}{(library.Is64Bit ? "" : " 32-bit")}, not {requester.Architecture}{(requester.Is64Bit ? "" : " 32-bit")}";

    private static IEnumerable<string> SearchFolders(Requester requester)
    {
        var origin = Path.GetDirectoryName(Path.GetFullPath(requester.Path))!;
        foreach (var folder in requester.Elf.SearchPath)
        {
            var expanded = folder.Replace("${ORIGIN}", origin, StringComparison.Ordinal).Replace("$ORIGIN", origin, StringComparison.Ordinal);
            if (expanded.StartsWith('/') && !expanded.Contains('$'))
                yield return expanded;
        }
    }

    private ElfFile? Read(string realPath, out string? error)
    {
        error = null;
        if (readByRealPath.TryGetValue(realPath, out var cached))
            return cached;
        try
        {
            return readByRealPath[realPath] = ElfFile.TryRead(realPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = "unreadable: " + e.Message;
            return readByRealPath[realPath] = null;
        }
    }

    private readonly record struct Requester(string Path, ElfFile Elf);

    private readonly record struct Candidate(string Path, string RealPath, ElfFile Elf);

    private sealed record Found(string SoName, Candidate Candidate, LibrarySource Source, LibraryLookup Lookup)
    {
        public NeededLibrary ToLibrary(IReadOnlyList<string> requesters) =>
            new(SoName, Candidate.Path, Candidate.RealPath, new FileInfo(Candidate.RealPath).Length, Source, Lookup, requesters);
    }
}
