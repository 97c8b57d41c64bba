using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Strip;

/// <summary>The result of stripping one file into its copy.</summary>
internal sealed record StripResult(string Source, string Destination, long Before, long After);

/// <summary>
/// Writes a stripped copy of an ELF file with the host's strip. The original is never touched:
/// strip writes a temporary file, which is checked and then renamed into place.
/// </summary>
internal sealed class NativeStripper(IToolRunner runner, string stripTool)
{
    public StripResult Strip(string source, string destination, string relativePath)
    {
        var elf = ElfFile.TryRead(source);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var temp = AtomicFile.TempPathFor(destination);
        try
        {
            // Executables lose every symbol; shared objects keep what dynamic linking needs.
            var mode = elf?.Type == ElfType.Executable ? "--strip-all" : "--strip-unneeded";
            var result = runner.Run(stripTool, [mode, "-o", temp, source]);
            if (result.ExitCode != 0 || !File.Exists(temp))
                throw new SlimException(SlimDiagnostics.StripFailed, source, stripTool, result.ExitCode, FirstLine(result.Output), relativePath);
            var stripped = ElfFile.TryRead(temp);
            if (stripped is null || stripped.HasStrippableSections)
                throw new SlimException(SlimDiagnostics.StripFailed, source, stripTool, result.ExitCode, "the output still carries symbols or is not ELF", relativePath);
            File.Move(temp, destination, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
        return new StripResult(source, destination, new FileInfo(source).Length, new FileInfo(destination).Length);
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "no output" : line;
    }
}
