using System.Formats.Tar;

namespace Slim.Build.Tasks.Image.Archive;

/// <summary>
/// One entry of a layer's tar, as written, without its bytes: what reading the layer again would tell about it.
/// </summary>
/// <param name="Path">Normalized: '/' separated, no leading '/' ("usr/lib/x86_64-linux-gnu/libc.so.6"); whiteouts as written.</param>
/// <param name="LinkTarget">A symlink's or hard link's target; null for anything else.</param>
internal sealed record LayerRecord(string Path, TarEntryType Type, int Mode, int Uid, long Length, string? LinkTarget)
{
    public static LayerRecord Of(TarEntry entry) => new(ArchivePath.Normalize(entry.Name), entry.EntryType, (int)entry.Mode, entry.Uid, entry.Length,
        entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink ? entry.LinkName : null);

    public bool IsRegularFile => LayerTar.IsRegularFile(Type);
}
