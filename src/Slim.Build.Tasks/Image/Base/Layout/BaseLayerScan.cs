namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>
/// What one pass over a base layer learned: its diffID and unpacked size, the bytes of its files, the dpkg
/// status files it adds (by path; null where it whites one out), and the glibc its libc.so.6 provides.
/// </summary>
internal sealed record BaseLayerScan(
    string DiffId,
    long UncompressedSize,
    long ContentSize,
    IReadOnlyDictionary<string, string?> DpkgStatus,
    Version? Glibc)
{
    /// <summary>
    /// The os-release files it adds (etc/os-release, usr/lib/os-release: the text; null where it whites one out or links it).
    /// Null only in a scan an older Slim kept, which did not look.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? OsRelease { get; init; }
}
