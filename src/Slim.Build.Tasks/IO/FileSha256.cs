using System.Security.Cryptography;

namespace Slim.Build.Tasks.IO;

/// <summary>A whole file's SHA-256, read as a stream.</summary>
internal static class FileSha256
{
    /// <returns>Upper-case hex, as <see cref="Convert.ToHexString(byte[])"/> gives it; a caller whose files keep lower case lowers it.</returns>
    public static string Hex(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
