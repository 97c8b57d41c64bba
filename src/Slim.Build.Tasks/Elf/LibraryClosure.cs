namespace Slim.Build.Tasks.Elf;

/// <summary>
/// Every library the dynamic loader would load for the files an app ships (its executable, the
/// runtime's and packages' .so files), found the loader's way: the interpreter, then the shipped
/// files themselves, then each requester's DT_RUNPATH, then the system folders; and the same for
/// each host library found, until nothing new is needed.
/// </summary>
/// <param name="Libraries">Resolved needs, by soname: the shipped ones and those the image's base must provide.</param>
/// <param name="Unresolved">Needs no folder holds for the requester's processor.</param>
/// <param name="Skipped">Shipped files not read: not ELF, or unreadable.</param>
internal sealed record LibraryClosure(
    IReadOnlyList<NeededLibrary> Libraries,
    IReadOnlyList<UnresolvedLibrary> Unresolved,
    IReadOnlyList<SkippedFile> Skipped)
{
    /// <summary>The libraries that must come from the host or the image's base, not the publish folder.</summary>
    public IEnumerable<NeededLibrary> FromHost => Libraries.Where(l => l.Source == LibrarySource.Host);

    /// <summary>Bytes of the host libraries' real files: what a base made from this machine carries for them.</summary>
    public long HostBytes => FromHost.Sum(l => l.Size);

    /// <param name="shippedFiles">Paths of the files that ship, in a stable order (it decides which requester is named first); non-ELF files are skipped.</param>
    /// <param name="systemFolders">Where the loader looks last, e.g. <see cref="SystemLibraryFolders.OfThisMachine"/>.</param>
    public static LibraryClosure Resolve(IEnumerable<string> shippedFiles, IReadOnlyList<string> systemFolders) =>
        new ClosureResolver(systemFolders).Resolve(shippedFiles);
}
