using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>The generated files, written into the slim folder; <see cref="CommittedCopies"/> puts two of them where a user commits them.</summary>
internal sealed record DockerfileSet(string MultiStage, string Prebuilt, string DockerIgnore)
{
    public const string MultiStageName = "Dockerfile";
    public const string PrebuiltName = "Dockerfile.prebuilt";
    public const string DockerIgnoreName = ".dockerignore";

    /// <param name="buildImage">The source build's build stage (<see cref="SdkImageChooser"/>).</param>
    public static DockerfileSet For(ContainerDescription container, BuildContextLayout context, string buildImage, string projectDirectory, string publishDirectory)
    {
        // Relative to the project, so the comment reads the same on every machine.
        var publishFolder = Path.GetRelativePath(projectDirectory, Path.TrimEndingDirectorySeparator(publishDirectory)).Replace('\\', '/');
        var (project, spec) = container;
        return new DockerfileSet(DockerfileWriter.MultiStage(project, spec, context, buildImage), DockerfileWriter.Prebuilt(project, spec, publishFolder),
            DockerIgnoreWriter.Write(project.ProjectName));
    }

    public void Save(string outputDirectory, IDiagnostics diagnostics)
    {
        Report(diagnostics, MultiStageName, GeneratedFile.Write(Path.Combine(outputDirectory, MultiStageName), MultiStage));
        Report(diagnostics, PrebuiltName, GeneratedFile.Write(Path.Combine(outputDirectory, PrebuiltName), Prebuilt));
        Report(diagnostics, DockerIgnoreName, GeneratedFile.Write(Path.Combine(outputDirectory, DockerIgnoreName), DockerIgnore));
    }

    internal static void Report(IDiagnostics diagnostics, string file, bool written) =>
        diagnostics.Detail(written ? $"Slim: wrote {file}" : $"Slim: {file} unchanged");
}
