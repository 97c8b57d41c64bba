using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>PackageReference form, console app with PublishAot: the publish every other test builds on.</summary>
[TestClass]
public sealed class AotConsoleTests
{
    private static TestApp _app = null!;
    private static PublishResult _first = null!;
    private static string Executable => Path.Combine(_first.PublishDirectory, _app.Name);

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        _app = TestApp.Console("AotConsole", SlimForm.PackageReference, "<PublishAot>true</PublishAot>");
        _first = _app.Publish();
        Assert.AreEqual(0, _first.ExitCode, _first.Describe());
    }

    [TestMethod]
    public void Publishes_a_small_native_executable_that_runs()
    {
        Assert.IsTrue(Files.IsElf(Executable), "not a NativeAOT executable");
        var size = Files.Size(Executable);
        // A plain NativeAOT publish of this app is about 1.27 MB; Slim's switches (OptimizationPreference=Size,
        // feature switches) gave 1,122,880 B on SDK 10.0.401: the bound fails when no switch reached ILC.
        Assert.IsTrue(size <= 1_200_000, $"executable is {size} bytes, over 1,200,000: did Slim's size switches reach ILC?");
        var run = ProcessRunner.Run(Executable, [], _first.PublishDirectory);
        Assert.AreEqual("Hello from Slim", run.Output.Trim());
    }

    [TestMethod]
    public void Symbols_leave_the_publish_folder_for_the_symbols_folder()
    {
        CollectionAssert.AreEqual(new[] { _app.Name }, Files.Relative(_first.PublishDirectory), "only the executable ships");
        var dbg = Path.Combine(_first.SlimDirectory, "symbols", _app.Name + ".dbg");
        Assert.IsTrue(File.Exists(dbg), "the .dbg was not kept in slim/symbols");
        Assert.IsTrue(Files.Size(dbg) > 1_000_000, $".dbg is only {Files.Size(dbg)} bytes");
    }

    [TestMethod]
    public void Writes_a_report_beside_the_publish_folder()
    {
        var report = Files.Json(Path.Combine(_first.SlimDirectory, "report.json"));
        Assert.AreEqual(1, report.GetProperty("schemaVersion").GetInt32());
        Assert.AreEqual("aot", report.GetProperty("project").GetProperty("profile").GetString());
        Assert.AreEqual(Files.Size(Executable), report.GetProperty("totals").GetProperty("publishBytes").GetInt64());
        var symbols = report.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == "symbols");
        Assert.IsTrue(symbols.GetProperty("bytesSaved").GetInt64() > 1_000_000, symbols.ToString());
        var switches = report.GetProperty("switches").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        CollectionAssert.Contains(switches, "OptimizationPreference");
        CollectionAssert.Contains(switches, "InvariantGlobalization");
        Assert.IsTrue(File.Exists(Path.Combine(_first.SlimDirectory, "report.md")));
        var html = File.ReadAllText(Path.Combine(_first.SlimDirectory, "report.html"));
        StringAssert.Contains(html, "<h1 id=\"app-name\">AotConsole</h1>");
        StringAssert.Contains(_first.Output, "Slim: AotConsole (aot) publishes 1 file(s)");
        StringAssert.Contains(_first.Output, "saved by step: symbols");
    }

    [TestMethod]
    public void A_second_publish_with_nothing_changed_does_no_slim_step_and_keeps_the_folder_clean()
    {
        var reportFile = Path.Combine(_first.SlimDirectory, "report.json");
        var settled = _app.Publish();
        Assert.AreEqual(0, settled.ExitCode, settled.Describe());
        var written = File.GetLastWriteTimeUtc(reportFile);
        // Slim's state under obj/: the ledger each step writes, the report's state; a step that runs rewrites its files.
        var state = Directory.EnumerateDirectories(Path.Combine(_app.Directory, "obj"), "slim", SearchOption.AllDirectories).Single();
        var stamps = Directory.EnumerateFiles(state, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        var second = _app.Publish("-v:d");

        Assert.AreEqual(0, second.ExitCode, second.Describe());
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(reportFile), "the report was written again");
        foreach (var (file, stamp) in stamps)
            Assert.AreEqual(stamp, File.GetLastWriteTimeUtc(file), $"{Path.GetRelativePath(state, file)} was written again");
        StringAssert.Contains(second.Output, "Slim: report up to date", "the report step measured the folder again");
        StringAssert.Contains(second.Output, "Skipping target \"SlimStripNativeFiles\"", "the strip step ran again");
        StringAssert.Contains(second.Output, "Slim: AotConsole (aot) publishes 1 file(s)", "the summary is printed on every publish");
        CollectionAssert.AreEqual(new[] { _app.Name }, Files.Relative(second.PublishDirectory),
            "NativeAOT's own copy steps put files back into the publish folder");
    }

    [TestMethod]
    public void Over_budget_fails_the_publish_naming_the_budget_and_the_biggest_file()
    {
        var over = _app.Republish("-p:SlimMaxPublishSize=100KB");
        Assert.AreNotEqual(0, over.ExitCode, "an over-budget publish exited 0");
        StringAssert.Contains(over.Output, "error SLIM6001");
        StringAssert.Contains(over.Output, "over SlimMaxPublishSize 100 KB (100,000 B)");
        StringAssert.Contains(over.Output, $"Largest files: {_app.Name} (");

        var stillOver = _app.Republish("-p:SlimMaxPublishSize=100KB");
        Assert.AreNotEqual(0, stillOver.ExitCode, "an unchanged over-budget publish passed the second time");

        var warned = _app.Republish("-p:SlimMaxPublishSize=100KB", "-p:SlimBudgetSeverity=warning");
        Assert.AreEqual(0, warned.ExitCode, warned.Describe());
        StringAssert.Contains(warned.Output, "warning SLIM6001");

        var met = _app.Republish("-p:SlimMaxPublishSize=10MB", "-p:SlimMaxFileSize=2MiB");
        Assert.AreEqual(0, met.ExitCode, met.Describe());
    }

    [TestMethod]
    public void A_malformed_size_is_refused_quoting_the_value_and_changes_nothing()
    {
        var before = File.ReadAllBytes(Executable);
        var bad = _app.Republish("-p:SlimMaxFileSize=12XB");
        Assert.AreNotEqual(0, bad.ExitCode);
        StringAssert.Contains(bad.Output, "error SLIM1001: SlimMaxFileSize is '12XB'");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(Executable), "the published executable changed");
    }

    [TestMethod]
    public void NativeAot_without_a_c_toolchain_is_a_slim_error()
    {
        var result = _app.Republish("-p:CppCompilerAndLinker=no-such-cc");
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error SLIM2001");
        StringAssert.Contains(result.Output, "no-such-cc");
    }

    [TestMethod]
    public void A_baseline_report_limits_growth()
    {
        var baseline = Path.Combine(_app.Directory, "baseline-report.json");
        File.Copy(Path.Combine(_first.SlimDirectory, "report.json"), baseline, overwrite: true);
        var same = _app.Republish($"-p:SlimBaselineFile={baseline}", "-p:SlimMaxGrowth=0%");
        Assert.AreEqual(0, same.ExitCode, same.Describe());

        // An earlier publish 200,000 bytes smaller: today's is over a 5% growth limit.
        var total = Files.Size(Executable);
        File.WriteAllText(baseline, File.ReadAllText(baseline).Replace($"\"publishBytes\": {total}", $"\"publishBytes\": {total - 200_000}"));
        var grown = _app.Republish($"-p:SlimBaselineFile={baseline}", "-p:SlimMaxGrowth=5%");
        Assert.AreNotEqual(0, grown.ExitCode, grown.Describe());
        StringAssert.Contains(grown.Output, "error SLIM6004");
        StringAssert.Contains(grown.Output, "200,000 B) more");
        // Canonical, on the project: CI annotates the csproj, not Slim's .targets in the NuGet cache.
        StringAssert.Contains(grown.Output, $"{_app.ProjectFile} : error SLIM6004:");
        StringAssert.Contains(File.ReadAllText(Path.Combine(_first.SlimDirectory, "report.md")), "(+200,000 B)** |", "report.md does not compare with the baseline");
    }

    [TestMethod]
    public void The_sbom_names_only_what_the_image_holds_with_the_operating_system_a_scanner_needs()
    {
        var file = Path.Combine(_first.SlimDirectory, _app.Name + ".cdx.json");
        var (valid, output) = CycloneDxSchema.Validate(file);
        Assert.IsTrue(valid, output);
        var bom = Files.Json(file);
        var components = bom.GetProperty("components").EnumerateArray().ToList();
        var names = string.Join(", ", components.Select(c => c.GetProperty("name").GetString()));
        // Restore downloads both, but a NativeAOT console executable carries neither the JIT runtime nor ASP.NET Core.
        Assert.IsFalse(components.Any(c => c.GetProperty("name").GetString() == "Microsoft.AspNetCore.App.Runtime.linux-x64"), names);
        Assert.IsFalse(components.Any(c => c.GetProperty("name").GetString() == "Microsoft.NETCore.App.Runtime.linux-x64"), names);
        var runtime = components.Single(c => c.GetProperty("name").GetString() == "Microsoft.NETCore.App.Runtime.NativeAOT.linux-x64");
        Assert.IsFalse(runtime.TryGetProperty("scope", out _), "the NativeAOT runtime is compiled into the executable: it ships");
        Assert.AreEqual("MIT", runtime.GetProperty("licenses")[0].GetProperty("expression").GetString(), "the license from the pack's nuspec in the NuGet cache");
        Assert.AreEqual(128, runtime.GetProperty("hashes")[0].GetProperty("content").GetString()!.Length);
        var compiler = components.Single(c => c.GetProperty("name").GetString() == "runtime.linux-x64.Microsoft.DotNet.ILCompiler");
        Assert.AreEqual("excluded", compiler.GetProperty("scope").GetString(), "the compiler made the executable and is not in the image");
        var system = components.Single(c => c.GetProperty("type").GetString() == "operating-system");
        Assert.AreEqual("debian", system.GetProperty("name").GetString());
        var libc = components.Single(c => c.GetProperty("name").GetString() == "libc6").GetProperty("purl").GetString()!;
        StringAssert.Contains(libc, "upstream=glibc", "Debian's advisories are filed against the source package");
        Assert.IsFalse(string.IsNullOrEmpty(bom.GetProperty("metadata").GetProperty("component").GetProperty("purl").GetString()));
        foreach (var dependency in bom.GetProperty("dependencies").EnumerateArray())
            Assert.IsTrue(dependency.TryGetProperty("dependsOn", out _), dependency.ToString());
    }
}
