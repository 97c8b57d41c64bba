using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Strip;

/// <summary>The result of stripping one file into its copy.</summary>
internal sealed record StripResult(string Source, string Destination, long Before, long After);

/// <summary>
/// Writes a stripped copy of an ELF file with the host's strip. strip only ever sees a copy in Slim's
/// own folder, so a strip that truncates or corrupts its input cannot harm the file the project owns;
/// the copy is checked and only then renamed into place. A file for another processor (an arm64 library
/// of an arm64 image built on x64) goes to <paramref name="foreignStripTool"/> when there is one: Debian's
/// GNU strip reads only its own architecture's ELF files, llvm-strip reads every one.
/// </summary>
internal sealed class NativeStripper(IToolRunner runner, string stripTool, IDiagnostics diagnostics, string? foreignStripTool = null)
{
    /// <returns>Null when strip failed: warning SLIM3001, no copy, so the file ships unstripped (and the next publish tries again).</returns>
    public StripResult? Strip(string source, string destination, string relativePath)
    {
        var elf = ElfFile.TryRead(source);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        // A failed run must not leave an earlier stripped copy behind to be published.
        File.Delete(destination);
        var temp = AtomicFile.TempPathFor(destination);
        try
        {
            File.Copy(source, temp, overwrite: true);
            // Executables lose every symbol; shared objects keep what dynamic linking needs.
            var mode = elf?.Type == ElfType.Executable ? "--strip-all" : "--strip-unneeded";
            var tool = elf is not null && foreignStripTool is not null && elf.Architecture != HostArchitecture ? foreignStripTool : stripTool;
            var result = runner.Run(tool, [mode, temp]);
            if (result.ExitCode != 0 || !File.Exists(temp))
                return Failed(source, tool, result.ExitCode, FirstLine(result.Output), relativePath);
            var stripped = ElfFile.TryRead(temp);
            if (stripped is null || stripped.HasStrippableSections)
                return Failed(source, tool, result.ExitCode, "the output still carries symbols or is not ELF", relativePath);
            File.Move(temp, destination, overwrite: true);
            // The tool keeps the input's time; the copy must be newer than the step's inputs to count as up to date.
            File.SetLastWriteTimeUtc(destination, DateTime.UtcNow);
        }
        finally
        {
            File.Delete(temp);
        }
        return new StripResult(source, destination, new FileInfo(source).Length, new FileInfo(destination).Length);
    }

    /// <summary>x64, arm64: the processor in ElfFile.Architecture's words.</summary>
    private static readonly string HostArchitecture = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    private StripResult? Failed(string source, string tool, int exitCode, string why, string relativePath)
    {
        diagnostics.Warning(SlimDiagnostics.StripFailed, source, tool, exitCode, why, relativePath);
        return null;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "no output" : line;
    }
}
