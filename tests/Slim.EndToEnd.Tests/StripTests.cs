using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>A native library that ships with its symbols is published stripped; the project's copy is untouched.</summary>
[TestClass]
public sealed class StripTests
{
    private const string NativeSource = "int slim_answer(void) { return 42; }\nstatic int twice(int x) { return 2 * x; }\nint slim_twice(int x) { return twice(x); }\n";

    private static (TestApp App, string Library) AppWithUnstrippedLibrary(string name, string properties = "", string items = "")
    {
        var app = TestApp.Console(name, SlimForm.PackageReference, properties,
            """<None Include="native/libanswer.so" CopyToPublishDirectory="PreserveNewest" Link="libanswer.so" />""" + items);
        var source = app.Write("native/answer.c", NativeSource);
        var library = Path.Combine(app.Directory, "native", "libanswer.so");
        var gcc = ProcessRunner.Run("gcc", ["-shared", "-fPIC", "-g", "-o", library, source], app.Directory);
        Assert.AreEqual(0, gcc.ExitCode, gcc.Output);
        return (app, library);
    }

    [TestMethod]
    public void Strips_a_native_library_and_leaves_the_projects_copy_alone()
    {
        var (app, library) = AppWithUnstrippedLibrary("StripNative");
        var original = File.ReadAllBytes(library);

        var result = app.Publish();

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        var published = Path.Combine(result.PublishDirectory, "libanswer.so");
        Assert.IsTrue(Files.Size(published) < original.Length, $"published {Files.Size(published)} bytes, original {original.Length}");
        var sections = ProcessRunner.Run("readelf", ["-S", "-W", published], app.Directory).Output;
        Assert.IsFalse(sections.Contains(".symtab") || sections.Contains(".debug_info"), sections);
        CollectionAssert.AreEqual(original, File.ReadAllBytes(library), "the project's own library changed");
        var nm = ProcessRunner.Run("nm", ["-D", published], app.Directory).Output;
        StringAssert.Contains(nm, "slim_answer", "the exported symbol must survive stripping");

        var report = Files.Json(Path.Combine(result.SlimDirectory, "report.json"));
        var strip = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "strip");
        Assert.AreEqual(original.Length - Files.Size(published), strip.GetProperty("bytesSaved").GetInt64());

        var run = ProcessRunner.Run("dotnet", [Path.Combine(result.PublishDirectory, app.Name + ".dll")], result.PublishDirectory);
        Assert.AreEqual("Hello from Slim", run.Output.Trim());
    }

    [TestMethod]
    public void A_missing_strip_is_a_slim_error_naming_the_tool()
    {
        var (app, library) = AppWithUnstrippedLibrary("StripMissing");
        var original = File.ReadAllBytes(library);

        var result = app.Publish("-p:SlimStripTool=/nonexistent/strip");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error SLIM2002");
        StringAssert.Contains(result.Output, "the strip tool '/nonexistent/strip' does not exist");
        CollectionAssert.AreEqual(original, File.ReadAllBytes(library));
    }

    [TestMethod]
    public void A_wildcard_budget_item_counts_the_published_files_it_matches()
    {
        // The project folder holds native/libanswer.so too: MSBuild's own expansion of the glob must not be taken for the budget.
        var (app, _) = AppWithUnstrippedLibrary("GlobBudget", items: """<SlimBudget Include="**/*.so" Max="1KB" />""");

        var over = app.Publish();

        Assert.AreNotEqual(0, over.ExitCode, over.Describe());
        StringAssert.Contains(over.Output, "error SLIM6003: SlimBudget '**/*.so' matches");
        StringAssert.Contains(over.Output, "libanswer.so (");

        File.WriteAllText(app.ProjectFile, File.ReadAllText(app.ProjectFile).Replace("Max=\"1KB\"", "Max=\"1MB\""));
        var met = app.Republish();
        Assert.AreEqual(0, met.ExitCode, met.Describe());
    }
}
