using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>The program the image starts exists and is executable.</summary>
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
                evidence.Add($"{candidate}: mode 0{Convert.ToString(file.Mode, 8)}");
                return file.IsExecutable
                    ? CheckFinding.Pass($"The entrypoint {candidate} exists and is executable.", evidence)
                    : CheckFinding.Fail($"The entrypoint {candidate} is not executable.", evidence, candidate, "is not executable (mode 0" + Convert.ToString(file.Mode, 8) + ")");
            }
        return CheckFinding.Fail($"The entrypoint {program} is not in the image.", evidence, program, "is not in the image");
    }
}
