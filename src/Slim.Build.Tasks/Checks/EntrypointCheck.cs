using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;

namespace Slim.Build.Tasks.Checks;

/// <summary>The program the image starts exists, is executable, and is a program the kernel can start (ELF or #!).</summary>
internal sealed class EntrypointCheck : IImageCheck
{
    public string Name => "entrypoint";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckEntrypointMissing;

    public CheckFinding Run(ImageCheckContext context)
    {
        var run = context.Image.Run;
        var program = run.Program;
        if (program is null)
            return CheckFinding.Fail("The image sets no entrypoint and no command.", ["config Entrypoint: [], Cmd: []"], "(none)", "is not set");
        // A bare name is looked up in PATH by the runtime, relative to the working directory otherwise.
        var candidates = program.Contains('/')
            ? [program.StartsWith('/') ? program : (run.WorkingDirectory.TrimEnd('/') + "/" + program)]
            : run.Environment.Where(e => e.StartsWith("PATH=", StringComparison.Ordinal)).SelectMany(e => e[5..].Split(':')).Select(f => f.TrimEnd('/') + "/" + program).ToList();
        var evidence = new List<string> { $"config Entrypoint: [{string.Join(", ", run.Entrypoint)}], Cmd: [{string.Join(", ", run.Cmd)}]" };
        foreach (var candidate in candidates)
            if (context.Image.Resolve(candidate) is { Kind: ImageEntryKind.File } file)
            {
                evidence.Add($"{candidate}: mode 0{Convert.ToString(file.Mode, 8)}, {file.Size} bytes");
                if (!file.IsExecutable)
                    return CheckFinding.Fail($"The entrypoint {candidate} is not executable.", evidence, candidate, "is not executable (mode 0" + Convert.ToString(file.Mode, 8) + ")");
                return WhyNotAProgram(context, file) is { } why
                    ? CheckFinding.Fail($"The entrypoint {candidate} {why}.", evidence, candidate, why)
                    : CheckFinding.Pass($"The entrypoint {candidate} exists and is executable.", evidence);
            }
        return CheckFinding.Fail($"The entrypoint {program} is not in the image.", evidence, program, "is not in the image");
    }

    /// <summary>
    /// The kernel starts an ELF executable or a #! script; anything else (a half-written NativeAOT binary that a racing
    /// link left behind, a text file with the executable bit) fails at start with "exec format error".
    /// </summary>
    private static string? WhyNotAProgram(ImageCheckContext context, ImageFileEntry file)
    {
        if (context.Elf.Files.TryGetValue(file.Path, out var elf))
            return elf.Type is ElfType.Executable or ElfType.SharedObject ? null : $"is an ELF file of type {elf.Type}, not a program";
        var head = Head(context.Image, file);
        if (head.AsSpan().StartsWith("#!"u8))
            return null;
        if (head.AsSpan().StartsWith("\u007FELF"u8))
            return "is a damaged or truncated ELF file";
        return $"is not an ELF program or a #! script ({file.Size} bytes starting {Convert.ToHexString(head).ToLowerInvariant()})";
    }

    private static byte[] Head(ImageFileSystem image, ImageFileEntry file)
    {
        var head = Array.Empty<byte>();
        image.Scan(e => e.Path == file.Path, (_, data) =>
        {
            var buffer = new byte[8];
            head = buffer[..data.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)];
        });
        return head;
    }
}
