using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>The working directory the image sets exists in the image (the runtime would create it empty, owned by root).</summary>
internal sealed class WorkingDirectoryCheck : IImageCheck
{
    public string Name => "working-directory";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckWorkingDirectoryMissing;

    public CheckFinding Run(ImageCheckContext context)
    {
        var folder = context.Image.Run.WorkingDirectory;
        if (folder.Length == 0)
            return CheckFinding.Pass("The image sets no working directory (it runs in /).");
        return context.Image.Resolve(folder) is { Kind: ImageEntryKind.Directory }
            ? CheckFinding.Pass($"The working directory {folder} exists.", [$"config WorkingDir: {folder}"])
            : CheckFinding.Fail($"The working directory {folder} is not in the image.", [$"config WorkingDir: {folder}"], folder);
    }
}
