using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>A base image made from the build machine's own files.</summary>
/// <param name="Entries">Every entry of the base's layer, folders included, sorted by path, each path once.</param>
/// <param name="Packages">The Debian packages its host files come from, by name.</param>
/// <param name="UnpackagedFiles">Host files placed that no installed package owns (image paths).</param>
/// <param name="Glibc">The base's glibc release, from the package that owns libc.so.6; null when dpkg does not know it.</param>
internal sealed record HostBase(IReadOnlyList<LayerEntry> Entries, IReadOnlyList<BasePackage> Packages, IReadOnlyList<string> UnpackagedFiles, Version? Glibc)
{
    /// <summary>Bytes of the files' contents (what the layer carries before tar headers and gzip).</summary>
    public long Bytes => Entries.Where(e => e.Kind == LayerEntryKind.File)
        .Sum(e => e.Content?.LongLength ?? new FileInfo(e.SourceFile!).Length);
}
