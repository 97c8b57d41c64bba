namespace Slim.Build.Tasks.Upx;

/// <summary>
/// Recognises a .NET single-file bundle. Every apphost carries a fixed 32-byte marker; the 8 bytes
/// before it hold the bundle manifest's offset, which is zero until the SDK appends a bundle.
/// </summary>
internal static class BundleDetector
{
    private static readonly byte[] Marker =
    [
        0x8b, 0x12, 0x02, 0xb9, 0x6a, 0x61, 0x20, 0x38, 0x72, 0x7b, 0x93, 0x02, 0x14, 0xd7, 0xa0, 0x32,
        0x13, 0xf5, 0xb9, 0xe6, 0xef, 0xae, 0x33, 0x18, 0xee, 0x3b, 0x2d, 0xce, 0x24, 0xb3, 0x6a, 0xae,
    ];

    public static bool IsBundle(string path) => IsBundle(File.ReadAllBytes(path));

    public static bool IsBundle(ReadOnlySpan<byte> content)
    {
        var offset = 0;
        while (true)
        {
            var found = content[offset..].IndexOf(Marker);
            if (found < 0)
                return false;
            var at = offset + found;
            if (at >= 8 && BitConverter.ToInt64(content.Slice(at - 8, 8)) != 0)
                return true;
            offset = at + Marker.Length;
        }
    }
}
