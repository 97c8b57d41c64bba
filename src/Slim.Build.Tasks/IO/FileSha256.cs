using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

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

    /// <summary>The hash of an open file from its start, read at offsets: whoever else reads the handle keeps its position.</summary>
    public static byte[] Of(SafeFileHandle file)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 17];
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(file, buffer, offset)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            offset += read;
        }
        return hash.GetHashAndReset();
    }
}
