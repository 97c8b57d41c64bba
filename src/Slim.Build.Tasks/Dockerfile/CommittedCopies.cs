using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>
/// The copies a user commits (SlimDockerfileDirectory): the source build's Dockerfile and its
/// .dockerignore, taken from the slim folder. The prebuilt file's context is a bin/ folder, so it stays
/// out of the repository. Run on every publish: reading four small files is cheap, and an edited or
/// another project's copy then warns every time, not only when a project file changed.
/// </summary>
internal static class CommittedCopies
{
    public static readonly IReadOnlyList<string> Names = [DockerfileSet.MultiStageName, DockerfileSet.DockerIgnoreName];

    public static void Update(string slimDirectory, string committedCopyDirectory, IDiagnostics diagnostics)
    {
        foreach (var name in Names)
        {
            var committed = Path.Combine(committedCopyDirectory, name);
            var generated = File.ReadAllText(Path.Combine(slimDirectory, name));
            DockerfileSet.Report(diagnostics, committed, GeneratedFile.WriteCommittedCopy(committed, generated, diagnostics));
        }
    }
}
