using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks;

/// <summary>
/// Takes the project's state lock (obj/.../slim/.lock) for the rest of the build, so two publishes of one project at
/// once never write each other's state and copies. MSBuild disposes the lock when the build ends, failed or cancelled
/// builds included (a task object registered for the build's lifetime); a build node that lives on does not keep it.
/// </summary>
public sealed class SlimLockState : SlimTask
{
    /// <summary>obj/.../slim/.lock.</summary>
    [Required] public string LockFile { get; set; } = "";
    /// <summary>SlimLockTimeout: seconds to wait for another publish of the project (default 120).</summary>
    public string Timeout { get; set; } = "";

    private protected override void Run(IDiagnostics diagnostics)
    {
        var key = "Slim.StateLock:" + Path.GetFullPath(LockFile);
        // This build holds it already (the target runs again for a second publish of the project in one build).
        if (BuildEngine4.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is not null)
            return;
        var timeout = SecondsSetting.Parse("SlimLockTimeout", Timeout, StateLock.DefaultTimeoutSeconds);
        var holder = $"process {Environment.ProcessId} ({Path.GetFileName(ProjectFile)})";
        var held = StateLock.Acquire(LockFile, timeout, holder, Cancellation);
        BuildEngine4.RegisterTaskObject(key, held, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
    }
}
