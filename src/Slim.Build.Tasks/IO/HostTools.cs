namespace Slim.Build.Tasks.IO;

/// <summary>The host tools Slim runs, by the names it looks them up with on PATH unless a setting names a path.</summary>
internal static class HostTools
{
    public const string Strip = "strip";
    /// <summary>LLVM's strip (Debian's llvm package), which reads the ELF files of every processor.</summary>
    public const string LlvmStrip = "llvm-strip";
    public const string Upx = "upx";
}
