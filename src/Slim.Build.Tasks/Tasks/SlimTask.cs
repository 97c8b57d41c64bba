using Microsoft.Build.Framework;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks;

/// <summary>
/// The one place exceptions become diagnostics: a <see cref="SlimException"/> keeps its code,
/// a file error names the file, anything else is an internal error with the stack at low importance.
/// </summary>
public abstract class SlimTask : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private readonly CancellationTokenSource _cancellation = new();

    internal static readonly System.Resources.ResourceManager Strings =
        new("Slim.Build.Tasks.Diagnostics.Strings", typeof(SlimTask).Assembly);

    protected SlimTask() : base(Strings) { }

    /// <summary>
    /// The project being published ($(MSBuildProjectFullPath)). Errors and warnings name it as their file, so
    /// they read "App.csproj : error SLIM6001: ..." and CI annotates the project, not Slim's .targets file
    /// in the NuGet cache, which MSBuild names when a task gives no file.
    /// </summary>
    public string ProjectFile { get; set; } = "";

    /// <summary>Fires when MSBuild cancels the build (Ctrl+C): the steps that wait (pull, push, layers, the smoke run) stop at once.</summary>
    private protected CancellationToken Cancellation => _cancellation.Token;

    /// <summary>Called by MSBuild on another thread when the build is cancelled.</summary>
    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        IO.StateJsonWarmup.Start();
        var diagnostics = new TaskDiagnostics(Log, ProjectFile);
        try
        {
            Run(diagnostics);
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            diagnostics.Error(SlimDiagnostics.Cancelled, GetType().Name);
        }
        catch (SlimException e)
        {
            diagnostics.Error(e.Diagnostic, e.Args);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(SlimDiagnostics.FileAccessFailed, GetType().Name, e.Message);
            Log.LogMessage(MessageImportance.Low, e.ToString());
        }
        catch (Exception e)
        {
            diagnostics.Error(SlimDiagnostics.InternalError, GetType().Name, e.Message);
            Log.LogMessage(MessageImportance.Low, e.ToString());
        }
        return !Log.HasLoggedErrors;
    }

    private protected abstract void Run(IDiagnostics diagnostics);
}
