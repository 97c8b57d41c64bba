using System.Runtime.InteropServices;
using Slim.Build.Tasks.Elf;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// Where the dynamic loader would find a DT_NEEDED library inside the image, searched the way Elf/LibraryClosure
/// searches the build machine: the requester's DT_RUNPATH (or DT_RPATH) with $ORIGIN expanded, LD_LIBRARY_PATH from
/// the image's environment, the loader's default folders for the requester's processor, and, as LibraryClosure
/// accepts a shipped file, the requester's own folder (the .NET host loads the runtime's libraries by full path).
/// </summary>
internal sealed class ImageLibraryLookup(ImageFileSystem image, ImageElfFiles elf)
{
    private readonly IReadOnlyList<string> _libraryPath =
        [.. image.Run.Environment.Where(e => e.StartsWith("LD_LIBRARY_PATH=", StringComparison.Ordinal))
            .SelectMany(e => e["LD_LIBRARY_PATH=".Length..].Split(':', StringSplitOptions.RemoveEmptyEntries))];

    /// <returns>The path in the image the library resolves to (links followed), or null when no folder holds one the requester can load.</returns>
    public string? Find(string requester, ElfFile requesterElf, string soName)
    {
        if (soName.Contains('/'))
            return Loadable(soName, requesterElf);
        var origin = "/" + (requester.Contains('/') ? requester[..requester.LastIndexOf('/')] : "");
        var folders = requesterElf.SearchPath.Select(f => f.Replace("${ORIGIN}", origin).Replace("$ORIGIN", origin))
            .Concat(_libraryPath)
            .Concat(DefaultFolders(requesterElf))
            .Append(origin);
        foreach (var folder in folders)
            if (Loadable(folder.TrimEnd('/') + "/" + soName, requesterElf) is { } found)
                return found;
        return null;
    }

    private string? Loadable(string path, ElfFile requester)
    {
        if (image.Resolve(path) is not { Kind: ImageEntryKind.File } file)
            return null;
        // A library for another processor is skipped by the loader, which goes on searching.
        return elf.Files.TryGetValue(file.Path, out var library) && !requester.CanLoad(library) ? null : "/" + file.Path;
    }

    private static IReadOnlyList<string> DefaultFolders(ElfFile requester) => SystemLibraryFolders.Defaults(requester.Machine switch
    {
        ElfMachine.AArch64 => Architecture.Arm64,
        ElfMachine.Arm => Architecture.Arm,
        ElfMachine.X86 => Architecture.X86,
        ElfMachine.S390 => Architecture.S390x,
        ElfMachine.PowerPC64 => Architecture.Ppc64le,
        ElfMachine.LoongArch => Architecture.LoongArch64,
        _ => Architecture.X64,
    });
}
