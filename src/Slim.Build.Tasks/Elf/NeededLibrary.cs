namespace Slim.Build.Tasks.Elf;

/// <summary>One library of the closure, with the evidence for it.</summary>
/// <param name="SoName">The name asked for, e.g. libstdc++.so.6: the name the file must have in the image.</param>
/// <param name="Path">Where the loader opens it on this machine, e.g. /lib/x86_64-linux-gnu/libstdc++.so.6 or /lib64/ld-linux-x86-64.so.2.</param>
/// <param name="RealPath">The file behind <paramref name="Path"/>, links resolved, e.g. /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30.</param>
/// <param name="Size">Bytes of the real file.</param>
/// <param name="NeededBy">The files that need it, the first requester first: shipped paths, or host paths for the libraries pulled in through them.</param>
internal sealed record NeededLibrary(
    string SoName,
    string Path,
    string RealPath,
    long Size,
    LibrarySource Source,
    LibraryLookup FoundBy,
    IReadOnlyList<string> NeededBy);
