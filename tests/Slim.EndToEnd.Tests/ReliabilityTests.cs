using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// Reliability findings as users hit them, framework profile (no NativeAOT) wherever that is enough:
/// a solution published with -m into one shared folder, a strip that fails or is not a program, and
/// wildcard items that MSBuild would expand against the project folder.
/// </summary>
[TestClass]
public sealed class ReliabilityTests
{
    private const string NativeSource = "int foo_answer(void) { return 42; }\nstatic int twice(int x) { return 2 * x; }\nint foo_twice(int x) { return twice(x); }\n";
    private const string NativeItem = """<None Include="native/libfoo.so" CopyToPublishDirectory="PreserveNewest" Link="libfoo.so" />""";

    /// <summary>A framework-profile console app that publishes its own native/libfoo.so, built with symbols.</summary>
    private static (TestApp App, string Library) AppWithNativeLibrary(string name, string items = "")
    {
        var app = TestApp.Console(name, SlimForm.PackageReference, items: NativeItem + items);
        var source = app.Write("native/foo.c", NativeSource);
        var library = Path.Combine(app.Directory, "native", "libfoo.so");
        var gcc = ProcessRunner.Run("gcc", ["-g", "-shared", "-fPIC", "-o", library, source], app.Directory);
        Assert.AreEqual(0, gcc.ExitCode, gcc.Output);
        Assert.IsTrue(ProcessRunner.Run("readelf", ["-S", "-W", library], app.Directory).Output.Contains(".symtab"), "the fixture must carry symbols");
        return (app, library);
    }

    /// <summary>A shell script in the app folder, executable unless told otherwise.</summary>
    private static string Script(TestApp app, string name, string body, bool executable = true)
    {
        var path = app.Write(name, "#!/bin/sh\n" + body);
        // The suite runs on Linux only (gcc, strip, podman); the guard is for the platform analyzer.
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, executable
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        return path;
    }

    private static string[] Lines(string output, string containing) =>
        output.Split('\n').Where(l => l.Contains(containing, StringComparison.Ordinal)).ToArray();

    [TestMethod]
    public void Two_projects_published_into_one_folder_keep_their_own_reports_and_the_budget_fails_every_time()
    {
        var app1 = TestApp.Console("SharedOut1", SlimForm.PackageReference, "<SlimMaxPublishSize>1KB</SlimMaxPublishSize>", folder: "SharedOutput/SharedOut1");
        var app2 = TestApp.Console("SharedOut2", SlimForm.PackageReference, folder: "SharedOutput/SharedOut2");
        var solution = Path.GetDirectoryName(app1.Directory)!;
        File.Copy(Path.Combine(app1.Directory, "nuget.config"), Path.Combine(solution, "nuget.config"));
        var environment = SlimFeed.Environment();
        var created = ProcessRunner.Run("dotnet", ["new", "sln", "-n", "SharedOutput"], solution, environment);
        Assert.AreEqual(0, created.ExitCode, created.Output);
        var sln = Directory.GetFiles(solution, "SharedOutput.sln*").Single();
        var added = ProcessRunner.Run("dotnet", ["sln", sln, "add", app1.ProjectFile, app2.ProjectFile], solution, environment);
        Assert.AreEqual(0, added.ExitCode, added.Output);

        for (var run = 1; run <= 2; run++)
        {
            var result = ProcessRunner.Run("dotnet", ["publish", sln, "-c", "Release", "-m", "-o", "out", $"-bl:publish-{run}.binlog"], solution, environment);

            Assert.AreNotEqual(0, result.ExitCode, $"run {run}: an over-budget solution publish exited 0\n{result.Output}");
            var errors = Lines(result.Output, "error SLIM6001");
            Assert.IsTrue(errors.Length > 0, $"run {run}: no SLIM6001\n{result.Output}");
            foreach (var line in errors)
            {
                StringAssert.Contains(line, app1.ProjectFile, $"run {run}: SLIM6001 does not name {app1.Name}");
                Assert.IsFalse(line.Contains(app2.ProjectFile), $"run {run}: {app2.Name} failed a budget it does not have: {line}");
            }
            Assert.IsFalse(result.Output.Contains("SLIM3007") || result.Output.Contains("SLIM9001"), $"run {run}:\n{result.Output}");
            foreach (var app in new[] { app1, app2 })
            {
                var reportFile = Path.Combine(solution, "slim", app.Name, "report.json");
                Assert.IsTrue(File.Exists(reportFile), $"run {run}: {reportFile} is missing");
                Assert.AreEqual(app.Name, Files.Json(reportFile).GetProperty("project").GetProperty("name").GetString(), $"run {run}: {reportFile}");
            }
            Assert.IsFalse(File.Exists(Path.Combine(solution, "slim", "report.json")), $"run {run}: a report both projects write to");
        }
    }

    [TestMethod]
    public void A_strip_that_fails_warns_ships_the_original_and_never_touches_the_projects_file()
    {
        var (app, library) = AppWithNativeLibrary("StripFails");
        var original = File.ReadAllBytes(library);
        var calls = Path.Combine(app.Directory, "strip-calls.log");
        // Empties the file it was given, as a crashing strip can, and fails.
        var broken = Script(app, "broken-strip.sh", $"""
            echo "$@" >> '{calls}'
            for last; do :; done
            : > "$last"
            echo "broken-strip: cannot strip $last" >&2
            exit 1
            """);

        var first = app.Publish($"-p:SlimStripTool={broken}");

        Assert.AreEqual(0, first.ExitCode, first.Describe());
        StringAssert.Contains(first.Output, "warning SLIM3001");
        CollectionAssert.AreEqual(original, File.ReadAllBytes(library), "the project's own native/libfoo.so changed");
        var published = Path.Combine(first.PublishDirectory, "libfoo.so");
        CollectionAssert.AreEqual(original, File.ReadAllBytes(published), "the published libfoo.so is not the original");
        var handed = File.ReadAllLines(calls);
        Assert.AreEqual(1, handed.Length, string.Join('\n', handed));
        Assert.IsFalse(handed[0].Contains(library) || handed[0].Contains(published), "strip was handed a file Slim does not own: " + handed[0]);

        var second = app.Publish($"-p:SlimStripTool={broken}");

        Assert.AreEqual(0, second.ExitCode, second.Describe());
        StringAssert.Contains(second.Output, "warning SLIM3001", "an unchanged publish forgot that libfoo.so ships unstripped");
        Assert.AreEqual(2, File.ReadAllLines(calls).Length, "the failed strip was not tried again");
        CollectionAssert.AreEqual(original, File.ReadAllBytes(library));
        CollectionAssert.AreEqual(original, File.ReadAllBytes(published));

        var fixedStrip = app.Republish();

        Assert.AreEqual(0, fixedStrip.ExitCode, fixedStrip.Describe());
        Assert.IsFalse(fixedStrip.Output.Contains("SLIM3001"), fixedStrip.Output);
        var size = Files.Size(published);
        Assert.IsTrue(size > 0 && size < original.Length, $"published libfoo.so is {size} bytes, the original {original.Length}");
        Assert.IsFalse(ProcessRunner.Run("readelf", ["-S", "-W", published], app.Directory).Output.Contains(".symtab"), "the published libfoo.so is not stripped");
        CollectionAssert.AreEqual(original, File.ReadAllBytes(library), "the project's own native/libfoo.so changed");
    }

    [TestMethod]
    public void Wildcard_items_are_paths_in_the_publish_folder_not_in_the_project_folder()
    {
        // MSBuild expands each Include below against the project folder: *.so to libother.so, nomatch/*.so to nothing,
        // **/*.so to native/libfoo.so and libother.so. None of those is what the publish folder holds.
        var (app, library) = AppWithNativeLibrary("WildcardPaths", """
            <SlimStripExclude Include="*.so" />
            <SlimStripExclude Include="nomatch/*.so" />
            """);
        File.Copy(library, Path.Combine(app.Directory, "libother.so"));
        var original = File.ReadAllBytes(library);

        var excluded = app.Publish();

        Assert.AreEqual(0, excluded.ExitCode, excluded.Describe());
        CollectionAssert.AreEqual(original, File.ReadAllBytes(Path.Combine(excluded.PublishDirectory, "libfoo.so")),
            "SlimStripExclude *.so did not keep the published libfoo.so unstripped");
        StringAssert.Contains(excluded.Output, "warning SLIM1009: SlimStripExclude 'nomatch/*.so' matches no file");
        Assert.IsFalse(excluded.Output.Contains("SlimStripExclude '*.so'") || excluded.Output.Contains("libother.so"),
            "Slim took MSBuild's expansion against the project folder:\n" + excluded.Output);

        File.WriteAllText(app.ProjectFile, File.ReadAllText(app.ProjectFile)
            .Replace("<SlimStripExclude Include=\"nomatch/*.so\" />", "<SlimBudget Include=\"**/*.so\" Max=\"1KB\" />"));

        var budgeted = app.Republish();

        Assert.AreNotEqual(0, budgeted.ExitCode, "the **/*.so budget passed\n" + budgeted.Describe());
        Assert.IsFalse(budgeted.Output.Contains("SLIM9001"), budgeted.Output);
        var over = Lines(budgeted.Output, "error SLIM6003");
        Assert.IsTrue(over.Length > 0, budgeted.Output);
        StringAssert.Contains(over[0], "SlimBudget '**/*.so' matches");
        StringAssert.Contains(over[0], "Largest files: libfoo.so (");
        Assert.IsFalse(over[0].Contains("libother.so") || over[0].Contains("native/libfoo.so"), "the budget counted the project's files: " + over[0]);
    }

    [TestMethod]
    public void A_strip_tool_that_is_not_a_program_is_SLIM2002_on_every_publish()
    {
        var (app, library) = AppWithNativeLibrary("StripNotATool");
        var original = File.ReadAllBytes(library);
        var notExecutable = Script(app, "strip-not-executable", "exec strip \"$@\"\n", executable: false);
        var directory = Path.Combine(app.Directory, "strip-folder");
        Directory.CreateDirectory(directory);

        foreach (var (tool, why) in new[] { (notExecutable, "is not executable"), (directory, "is a directory"), ("no-such-strip", "is not a program on PATH") })
        {
            var result = app.Publish($"-p:SlimStripTool={tool}");
            Assert.AreNotEqual(0, result.ExitCode, $"{tool}: {result.Describe()}");
            var errors = Lines(result.Output, "error SLIM2002");
            Assert.IsTrue(errors.Length > 0, $"{tool}: no SLIM2002\n{result.Output}");
            StringAssert.Contains(errors[0], $"the strip tool '{tool}' {why}");
            Assert.IsFalse(result.Output.Contains("SLIM9001"), result.Output);
        }
        CollectionAssert.AreEqual(original, File.ReadAllBytes(library));

        var stripped = app.Republish();
        Assert.AreEqual(0, stripped.ExitCode, stripped.Describe());
        var published = File.ReadAllBytes(Path.Combine(stripped.PublishDirectory, "libfoo.so"));
        Assert.IsTrue(published.Length < original.Length, $"published {published.Length} bytes, original {original.Length}");

        // Nothing changed, so the strip step itself is up to date: the tool must be checked anyway.
        var missing = app.Republish("-p:SlimStripTool=/nonexistent/strip");

        Assert.AreNotEqual(0, missing.ExitCode, "an incremental publish did not notice the missing strip\n" + missing.Describe());
        StringAssert.Contains(missing.Output, "error SLIM2002");
        StringAssert.Contains(missing.Output, "the strip tool '/nonexistent/strip' does not exist");
    }
}
