using ICSharpCode.SharpZipLib.GZip;
using SharpCompress.Compressors.Xz;
using SharpCompress.Compressors.ZStandard;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>The decompressor a Debian file's name asks for: .gz (SharpZipLib), .xz and .zst (SharpCompress), or none.</summary>
internal static class Decompression
{
    public static bool IsKnown(string name) =>
        name.EndsWith(".gz", StringComparison.Ordinal) || name.EndsWith(".xz", StringComparison.Ordinal)
        || name.EndsWith(".zst", StringComparison.Ordinal) || name.EndsWith(".tar", StringComparison.Ordinal);

    public static Stream Open(Stream compressed, string name) =>
        name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipInputStream(compressed) { IsStreamOwner = true }
        : name.EndsWith(".xz", StringComparison.Ordinal) ? new XZStream(compressed)
        : name.EndsWith(".zst", StringComparison.Ordinal) ? new DecompressionStream(compressed)
        : compressed;
}
