using Microsoft.Build.Evaluation;
using Microsoft.Build.Execution;
using Microsoft.Build.Framework;
using Microsoft.Build.Logging;

namespace Slim.Targets.Tests;

/// <summary>
/// A real Microsoft.NET.Sdk project with Slim's build/ files imported where NuGet would import them
/// (props with Microsoft.Common.props, targets with Microsoft.Common.targets), evaluated in-process.
/// </summary>
internal sealed class SlimProject : IDisposable
{
    private static readonly string Root = Repository.Root;
    public static string BuildFolder => Path.Combine(Root, "src", "Slim.Build.Tasks", "build");
    public static string SdkFolder => Path.Combine(Root, "src", "Slim.Sdk", "Sdk");
    private static string TasksAssembly => Path.Combine(Root, "src", "Slim.Build.Tasks", "bin", "Release", "net8.0", "Slim.Build.Tasks.dll");

    private readonly ProjectCollection _collection = new();

    /// <param name="name">The project file's name without .csproj: $(MSBuildProjectName).</param>
    /// <param name="files">Project files written before the project is evaluated (relative path to text); Program.cs replaces the default one.</param>
    public SlimProject(string properties, bool sdkForm = false, string sdk = "Microsoft.NET.Sdk", string name = "App",
        IReadOnlyDictionary<string, string>? files = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "slim-targets-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "Program.cs"), "System.Console.WriteLine(1);");
        foreach (var (path, text) in files ?? new Dictionary<string, string>())
        {
            var full = Path.Combine(Folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
        var sdkMapping = sdkForm ? $"<BeforeMicrosoftNETSdkTargets>{SdkFolder}/Slim.Profile.targets</BeforeMicrosoftNETSdkTargets>" : "";
        // NuGet imports a package's props from Microsoft.Common.props, just after Directory.Build.props.
        File.WriteAllText(Path.Combine(Folder, "Directory.Build.props"), $"<Project><Import Project=\"{BuildFolder}/Slim.Build.Tasks.props\" /></Project>");
        ProjectFile = Path.Combine(Folder, name + ".csproj");
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <CustomAfterMicrosoftCommonTargets>{BuildFolder}/Slim.Build.Tasks.targets</CustomAfterMicrosoftCommonTargets>
                <SlimTasksAssembly>{TasksAssembly}</SlimTasksAssembly>
                {sdkMapping}
                <!-- Never restored: the plain publish beside Slim's (a real dotnet publish) is for the end-to-end tier. -->
                <SlimMeasurePlainPublish>false</SlimMeasurePlainPublish>
                <!-- The test's own caches: a test touches nothing of the user's ~/.cache. -->
                <SlimCacheDirectory>{Folder}/slim-cache</SlimCacheDirectory>
                <SlimLayerCacheDirectory>{Folder}/slim-cache/layers</SlimLayerCacheDirectory>
                {properties}
              </PropertyGroup>
            </Project>
            """);
        Project = _collection.LoadProject(ProjectFile);
    }

    /// <summary>The project folder, under /tmp.</summary>
    public string Folder { get; }
    public string ProjectFile { get; }
    public Project Project { get; }

    public string this[string property] => Project.GetPropertyValue(property);

    public IReadOnlyList<string> SwitchesSet =>
        this["_SlimSwitchesSet"].Split(';', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Runs one target; returns whether it passed and what a minimal console log showed. A binlog is kept beside the project.</summary>
    public (bool Passed, string Output) Run(string target)
    {
        var run = Execute(target);
        return (run.Passed, run.Output);
    }

    /// <summary>
    /// Runs <paramref name="target"/>, then asks for each of <paramref name="observed"/> in the same build, and keeps
    /// the log, the instance it ran on (properties set by targets) and each observed target's result. MSBuild runs a
    /// target once per build: one the first target ran comes back with that result, and one it skipped for a false
    /// condition is checked again against the same properties (Skipped).
    /// </summary>
    public SlimRun Execute(string target, params string[] observed)
    {
        var output = new System.Text.StringBuilder();
        // A logger of MSBuild's own: a type of ours implementing ILogger would load MSBuild before the Locator runs.
        var console = new ConsoleLogger(LoggerVerbosity.Minimal, text => output.Append(text), _ => { }, () => { });
        var instance = Project.CreateProjectInstance();
        var passed = instance.Build([target, .. observed], [console, new BinaryLogger { Parameters = Path.Combine(Folder, target + ".binlog") }], out var results);
        var targets = results.Where(r => observed.Contains(r.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(r => r.Key, r => r.Value.ResultCode, StringComparer.OrdinalIgnoreCase);
        return new SlimRun(passed, output.ToString(), instance, targets);
    }

    public void Dispose()
    {
        _collection.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>One target run: whether it passed, the minimal log, the instance after the run, and each target's result.</summary>
internal sealed record SlimRun(bool Passed, string Output, ProjectInstance Instance, IReadOnlyDictionary<string, TargetResultCode> Targets)
{
    public string this[string property] => Instance.GetPropertyValue(property);
}
