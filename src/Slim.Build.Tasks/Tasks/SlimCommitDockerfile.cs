using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Dockerfile;

namespace Slim.Build.Tasks;

/// <summary>
/// Copies slim/Dockerfile and slim/.dockerignore to SlimDockerfileDirectory for committing, on every publish:
/// a copy edited by hand (SLIM1031) or generated from another project (SLIM1035) is left alone with a warning.
/// </summary>
public sealed class SlimCommitDockerfile : SlimTask
{
    /// <summary>The slim folder SlimWriteDockerfile wrote, e.g. bin/Release/net10.0/linux-x64/slim/.</summary>
    [Required] public string SourceDirectory { get; set; } = "";
    /// <summary>SlimDockerfileDirectory as a full path, e.g. the solution folder.</summary>
    [Required] public string CommittedCopyDirectory { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics) =>
        CommittedCopies.Update(SourceDirectory, CommittedCopyDirectory, diagnostics);
}
