using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>SlimUpx on a NativeAOT console app: it runs packed; missing or failing UPX and refused files leave the original intact.</summary>
[TestClass]
public sealed class UpxConsoleTests
{
    private static TestApp _app = null!;
    private static PublishResult _first = null!;
    private static string Executable => Path.Combine(_first.PublishDirectory, _app.Name);

    private static string[] _firstCalls = [];
    private static string CallLog => Path.Combine(_app.Directory, "upx-calls.log");

    /// <summary>What the program run as SlimUpxSmokeTest wrote: the path it ran from; null when the smoke test never ran.</summary>
    private static string? _smokeTestRanFrom;

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        // UPX through a wrapper that logs every call, so a test can count what Slim asked of it.
        // The smoke test's arguments make the program write down where it ran from, so a smoke test that never ran shows.
        _app = TestApp.Console("UpxConsole", SlimForm.PackageReference,
            "<PublishAot>true</PublishAot><SlimUpx>true</SlimUpx><SlimUpxSmokeTest>--smoke $(MSBuildProjectDirectory)/smoke-ran.txt</SlimUpxSmokeTest><SlimUpxPath>$(MSBuildProjectDirectory)/upx-logging.sh</SlimUpxPath>",
            """
            <None Include="data.txt" CopyToPublishDirectory="PreserveNewest" />
            <SlimUpxInclude Include="data.txt" Condition="'$(IncludeData)' == 'true'" />
            """,
            """
            if (args is ["--smoke", var marker])
            {
                File.WriteAllText(marker, Environment.ProcessPath);
                return;
            }
            Console.WriteLine("Hello from Slim");
            """);
        _app.Write("data.txt", "not an ELF file\n");
        var wrapper = _app.Write("upx-logging.sh", $"#!/bin/sh\necho \"$@\" >> '{CallLog}'\nexec upx \"$@\"\n");
        var chmod = ProcessRunner.Run("chmod", ["+x", wrapper], _app.Directory);
        Assert.AreEqual(0, chmod.ExitCode, chmod.Output);
        _first = _app.Publish();
        Assert.AreEqual(0, _first.ExitCode, _first.Describe());
        _firstCalls = File.ReadAllLines(CallLog);
        var smokeMarker = Path.Combine(_app.Directory, "smoke-ran.txt");
        _smokeTestRanFrom = File.Exists(smokeMarker) ? File.ReadAllText(smokeMarker) : null;
    }

    private static int UpxCalls() => File.Exists(CallLog) ? File.ReadAllLines(CallLog).Length : 0;

    [TestMethod]
    public void Upx_packs_tests_and_unpacks_slims_own_copy_and_an_unchanged_publish_calls_it_no_more()
    {
        var modes = _firstCalls.Select(c => c.StartsWith("-t ", StringComparison.Ordinal) ? "test" : c.StartsWith("-d ", StringComparison.Ordinal) ? "unpack" : "pack").ToArray();
        CollectionAssert.AreEqual(new[] { "pack", "test", "unpack" }, modes, "the first publish's UPX calls:\n" + string.Join('\n', _firstCalls));
        StringAssert.StartsWith(_firstCalls[0], "--best --lzma -q -o ");
        foreach (var path in _firstCalls.SelectMany(c => c.Split(' ')).Where(a => a.StartsWith('/')))
            StringAssert.Contains(path, "/slim/upx/", "UPX was handed a file that is not Slim's own copy");

        var settled = _app.Publish();
        Assert.AreEqual(0, settled.ExitCode, settled.Describe());
        var calls = UpxCalls();

        var second = _app.Publish();

        Assert.AreEqual(0, second.ExitCode, second.Describe());
        Assert.AreEqual(calls, UpxCalls(), "UPX ran on an unchanged publish:\n" + string.Join('\n', File.ReadAllLines(CallLog).Skip(calls)));
        Assert.AreEqual(0, ProcessRunner.Run("upx", ["-t", Executable], second.PublishDirectory).ExitCode, "the unchanged publish shipped an unpacked executable");
    }

    [TestMethod]
    public void The_packed_executable_runs_after_the_smoke_test_ran_on_slims_packed_copy_and_passed()
    {
        Assert.IsNotNull(_smokeTestRanFrom, "SlimUpxSmokeTest never ran the packed program:\n" + _first.Output);
        StringAssert.Contains(_smokeTestRanFrom, "/slim/upx/", "the smoke test ran another file than Slim's packed copy");
        var size = Files.Size(Executable);
        Assert.IsTrue(size <= 800_000, $"packed console executable is {size} bytes, over 800,000");
        var run = ProcessRunner.Run(Executable, [], _first.PublishDirectory);
        Assert.AreEqual("Hello from Slim", run.Output.Trim());
        Assert.IsFalse(_first.Output.Contains("SLIM3005"), "the smoke test failed:\n" + _first.Output);
    }

    [TestMethod]
    public void A_missing_upx_fails_naming_upx_and_the_fix()
    {
        var before = File.ReadAllBytes(Executable);
        var result = _app.Republish("-p:SlimUpxPath=no-such-upx");
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error SLIM2003: SlimUpx is 'true', but UPX was not found: SlimUpxPath is 'no-such-upx'");
        StringAssert.Contains(result.Output, "upx-ucl");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(Executable), "the published executable changed");
    }

    [TestMethod]
    public void Args_upx_rejects_fail_and_leave_the_published_file_intact()
    {
        var before = File.ReadAllBytes(Executable);
        var result = _app.Republish("-p:SlimUpxArgs=--no-such-option");
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, $"error SLIM3003: UPX ('");
        StringAssert.Contains(result.Output, "--no-such-option");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(Executable), "the published executable changed");
    }

    [TestMethod]
    public void A_non_elf_file_named_in_SlimUpxInclude_is_refused_and_ships_as_it_was()
    {
        var result = _app.Republish("-p:IncludeData=true");
        Assert.AreEqual(0, result.ExitCode, result.Describe());
        StringAssert.Contains(result.Output, "warning SLIM3006: 'data.txt' is not an ELF file");
        Assert.AreEqual("not an ELF file\n", File.ReadAllText(Path.Combine(result.PublishDirectory, "data.txt")));
        Assert.AreEqual("Hello from Slim", ProcessRunner.Run(Executable, [], result.PublishDirectory).Output.Trim());
    }

    [TestMethod]
    public void Turning_upx_off_ships_the_unpacked_executable_and_drops_the_upx_step()
    {
        var packed = Files.Size(Executable);
        var result = _app.Republish("-p:SlimUpx=false");
        Assert.AreEqual(0, result.ExitCode, result.Describe());
        var plain = Files.Size(Executable);
        Assert.IsTrue(plain > packed * 3 / 2, $"unpacked {plain} bytes vs packed {packed}");
        var report = Files.Json(Path.Combine(result.SlimDirectory, "report.json"));
        Assert.IsFalse(report.GetProperty("steps").EnumerateArray().Any(s => s.GetProperty("name").GetString() == "upx"), report.ToString());
    }
}
