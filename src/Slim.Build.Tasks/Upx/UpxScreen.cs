using System.Text;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Upx;

/// <summary>Why a file is not packed: one of the UpxRefused_* diagnostics and its arguments.</summary>
internal sealed record UpxRefusal(SlimDiagnostic Diagnostic, object[] Args);

/// <summary>
/// The files UPX must not touch, decided before it runs: `upx -t` passes a packed single-file
/// bundle that then dies at start, so passing the test is not enough.
/// </summary>
internal static class UpxScreen
{
    /// <summary>Below this, packing gains a few KB at most: the 78 KB .NET 10 apphost gained 3.3 KB gzipped.</summary>
    public const long MinimumSize = 64 * 1024;

    private static readonly byte[] UpxMagic = Encoding.ASCII.GetBytes("UPX!");

    /// <param name="include">The SlimUpxInclude item that named the file; null for the app's own executable.</param>
        public static UpxRefusal? Check(string path, string relativePath, string? include, FileOrigin origin = FileOrigin.App)
    {
        var elf = ElfFile.TryRead(path);
        if (elf is null)
            return new(SlimDiagnostics.UpxRefused_NotElf, [relativePath, include ?? relativePath]);
        if (IsPacked(path))
            return new(SlimDiagnostics.UpxRefused_Packed, [relativePath]);
        if (BundleDetector.IsBundle(path))
            return new(SlimDiagnostics.UpxRefused_Bundle, [relativePath]);
        // Measured on .NET 10.0.12: a trimmed web app with libcoreclr.so, libclrjit.so or libSystem.Native.so packed dies at start.
        if (elf.IsSharedLibrary && origin == FileOrigin.Runtime)
            return new(SlimDiagnostics.UpxRefused_RuntimeLibrary, [relativePath, include ?? ""]);
        if (elf.IsSharedLibrary && (include is null || include.IndexOfAny(['*', '?']) >= 0))
            return new(SlimDiagnostics.UpxRefused_SharedLibrary, [relativePath, include ?? ""]);
        var size = new FileInfo(path).Length;
        if (size < MinimumSize)
            return new(SlimDiagnostics.UpxRefused_TooSmall, [relativePath, size, MinimumSize]);
        return null;
    }

    /// <summary>UPX writes its magic into the header block it puts right after the ELF program headers.</summary>
    public static bool IsPacked(string path)
    {
        var head = new byte[4096];
        using var stream = File.OpenRead(path);
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head.AsSpan(0, read).IndexOf(UpxMagic) >= 0;
    }
}
