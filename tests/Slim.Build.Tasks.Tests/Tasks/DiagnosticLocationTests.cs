using Slim.Build.Tasks.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>
/// CI annotates a warning or error on the file its canonical line names ("App.csproj : error SLIM6001: ...").
/// Without a file MSBuild names the line of Slim's .targets that ran the task, a file in the NuGet cache
/// that no pull request contains: every Slim task must be told the project.
/// </summary>
[TestClass]
public sealed class DiagnosticLocationTests
{
    private static readonly string BuildFolder = Path.Combine(Repository.Root, "src", "Slim.Build.Tasks", "build");

    [TestMethod]
    public void An_error_names_the_project_file_not_the_targets_file()
    {
        using var temp = new TempFolder();
        var engine = new RecordingBuildEngine();
        var project = Path.Combine(temp.Path, "App.csproj");
        var task = new SlimEnforceBudgets
        {
            BuildEngine = engine, ProjectFile = project, ReportFile = Path.Combine(temp.Path, "missing", "report.json"), ProjectName = "App",
        };

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual(project, error.File, $"{error.Code} was logged at {error.File}");
        Assert.AreEqual(0, error.LineNumber);
    }

    /// <summary>A task that warns and notices, the way validation does.</summary>
    private sealed class NoticingTask : SlimTask
    {
        private protected override void Run(IDiagnostics diagnostics)
        {
            diagnostics.Warning(SlimDiagnostics.TimeZoneLookup, "App.dll", "FindSystemTimeZoneById");
            diagnostics.Notice(SlimDiagnostics.FrameworkProfile, "App");
        }
    }

    [TestMethod]
    public void Warnings_and_notices_name_the_project_file_too()
    {
        var engine = new RecordingBuildEngine();

        Assert.IsTrue(new NoticingTask { BuildEngine = engine, ProjectFile = "/src/App/App.csproj" }.Execute());

        Assert.AreEqual("/src/App/App.csproj", engine.Warnings.Single().File);
        Assert.AreEqual("SLIM1010", engine.Messages.Single(m => m.Code is not null).Code);
        Assert.AreEqual("/src/App/App.csproj", engine.Messages.Single(m => m.Code is not null).File);
    }

    [TestMethod]
    public void Without_a_project_file_MSBuild_falls_back_to_the_task_node()
    {
        using var temp = new TempFolder();
        var engine = new RecordingBuildEngine();
        var task = new SlimEnforceBudgets { BuildEngine = engine, ReportFile = Path.Combine(temp.Path, "missing", "report.json"), ProjectName = "App" };

        Assert.IsFalse(task.Execute());

        Assert.AreEqual("test.csproj", engine.Errors.Single().File);
    }

    [TestMethod]
    public void Every_Slim_task_in_the_targets_is_given_the_project_file()
    {
        var targets = Directory.GetFiles(BuildFolder, "*.targets").Select(f => (File: f, Xml: XDocument.Load(f, LoadOptions.SetLineInfo))).ToList();
        var tasks = targets.SelectMany(t => t.Xml.Descendants("UsingTask"))
            .Select(u => (string?)u.Attribute("TaskName") ?? "")
            .Where(n => n.StartsWith("Slim.Build.Tasks.", StringComparison.Ordinal))
            .Select(n => n["Slim.Build.Tasks.".Length..]).ToHashSet();
        var calls = targets.SelectMany(t => t.Xml.Descendants("Target").Descendants()
            .Where(e => tasks.Contains(e.Name.LocalName))
            .Select(e => (t.File, Element: e))).ToList();

        Assert.IsTrue(calls.Count >= 10, $"found only {calls.Count} task calls in {BuildFolder}");
        var missing = calls.Where(c => (string?)c.Element.Attribute("ProjectFile") != "$(MSBuildProjectFullPath)")
            .Select(c => $"{Path.GetFileName(c.File)}({((System.Xml.IXmlLineInfo)c.Element).LineNumber}): <{c.Element.Name.LocalName}>").ToList();
        Assert.AreEqual(0, missing.Count, "add ProjectFile=\"$(MSBuildProjectFullPath)\" to: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void The_canonical_line_matches_the_documented_problem_matcher()
    {
        // The regex docs/ci.md gives GitHub; MSBuild's console logger prints this shape for a file with no line.
        var matcher = File.ReadAllText(Path.Combine(Repository.Root, "docs", "slim-problem-matcher.json"));
        var pattern = Regex.Match(matcher, "\"regexp\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").Groups[1].Value.Replace("\\\\", "\\");
        var line = "/src/app/App.csproj : error SLIM6001: SlimMaxPublishSize is 16 MB ... [/src/app/App.csproj]";

        var match = Regex.Match(line, pattern);

        Assert.IsTrue(match.Success, $"{pattern} does not match {line}");
        Assert.AreEqual("/src/app/App.csproj", match.Groups[1].Value);
        Assert.AreEqual("SLIM6001", match.Groups[5].Value);
    }
}
