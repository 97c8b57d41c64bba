using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>The generated files, and where they go: always the slim folder, a copy for committing only when asked.</summary>
internal sealed record DockerfileSet(string MultiStage, string Prebuilt, string DockerIgnore)
{
    public const string MultiStageName = "Dockerfile";
    public const string PrebuiltName = "Dockerfile.prebuilt";
    public const string DockerIgnoreName = ".dockerignore";

    public static DockerfileSet For(DockerfileProject project, ContainerSpec spec, BuildContextLayout context, string projectDirectory, string publishDirectory)
    {
        // Relative to the project, so the comment reads the same on every machine.
        var publishFolder = Path.GetRelativePath(projectDirectory, Path.TrimEndingDirectorySeparator(publishDirectory)).Replace('\\', '/');
        return new DockerfileSet(DockerfileWriter.MultiStage(project, spec, context), DockerfileWriter.Prebuilt(project, spec, publishFolder),
            DockerIgnoreWriter.Write(project.ProjectName));
    }

    public void Save(string outputDirectory, string committedCopyDirectory, IDiagnostics diagnostics)
    {
        Report(diagnostics, MultiStageName, GeneratedFile.Write(Path.Combine(outputDirectory, MultiStageName), MultiStage));
        Report(diagnostics, PrebuiltName, GeneratedFile.Write(Path.Combine(outputDirectory, PrebuiltName), Prebuilt));
        Report(diagnostics, DockerIgnoreName, GeneratedFile.Write(Path.Combine(outputDirectory, DockerIgnoreName), DockerIgnore));
        if (string.IsNullOrWhiteSpace(committedCopyDirectory))
            return;
        // The prebuilt file's context is a bin/ folder: only the source build belongs in the repository.
        var committed = Path.Combine(committedCopyDirectory, MultiStageName);
        Report(diagnostics, committed, GeneratedFile.WriteCommittedCopy(committed, MultiStage, diagnostics));
        var ignore = Path.Combine(committedCopyDirectory, DockerIgnoreName);
        Report(diagnostics, ignore, GeneratedFile.WriteCommittedCopy(ignore, DockerIgnore, diagnostics));
    }

    private static void Report(IDiagnostics diagnostics, string file, bool written) =>
        diagnostics.Detail(written ? $"Slim: wrote {file}" : $"Slim: {file} unchanged");
}
