using System.Security.Cryptography;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Strip;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Strip;

[TestClass]
public sealed class NativeStripperTests
{
    [TestMethod]
    public void Writes_a_smaller_stripped_copy_and_leaves_the_original_alone()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.UnstrippedLibrary(temp.Path);
        var before = Hash(library);
        var destination = Path.Combine(temp.Path, "out", "libfixture.so");

        var result = new NativeStripper(new ToolRunner(), "strip", new RecordingDiagnostics()).Strip(library, destination, "libfixture.so")!;

        Assert.AreEqual(before, Hash(library), "the original changed");
        Assert.IsTrue(result.After < result.Before, $"stripped {result.Before} -> {result.After}");
        Assert.IsFalse(ElfFile.TryRead(destination)!.HasStrippableSections);
        Assert.IsFalse(File.Exists(AtomicFile.TempPathFor(destination)), "temporary file left behind");
    }

    [TestMethod]
    public void A_stripped_executable_still_runs()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.UnstrippedExecutable(temp.Path);
        var destination = Path.Combine(temp.Path, "out", "fixture");
        new NativeStripper(new ToolRunner(), "strip", new RecordingDiagnostics()).Strip(exe, destination, "fixture");
        var run = new ToolRunner().Run(destination, []);
        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual("fixture ran", run.StandardOutput.Trim());
    }

    [TestMethod]
    public void A_strip_that_truncates_its_input_and_fails_never_touches_the_source_and_ships_nothing()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.UnstrippedLibrary(temp.Path);
        var before = Hash(library);
        var destination = Path.Combine(temp.Path, "out", "libfixture.so");
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.WriteAllText(destination, "an earlier stripped copy");
        // A "strip" that empties the file it was handed, then fails: what truncated a user's library once.
        var handed = new List<string>();
        var runner = new FakeRunner(new ToolResult(1, "", "strip: libfixture.so: file format not recognized"),
            args => { handed.Add(args[^1]); File.WriteAllBytes(args[^1], []); });
        var diagnostics = new RecordingDiagnostics();

        var result = new NativeStripper(runner, "strip", diagnostics).Strip(library, destination, "libfixture.so");

        Assert.IsNull(result);
        Assert.AreEqual(before, Hash(library), "the source was handed to strip");
        Assert.AreNotEqual(library, handed.Single());
        StringAssert.StartsWith(handed.Single(), Path.GetDirectoryName(destination)!, "strip must work on a copy in Slim's folder");
        var warning = diagnostics.Items.Single();
        Assert.AreEqual(("warning", "StripFailed"), (warning.Level, warning.Diagnostic.ResourceName));
        StringAssert.Contains((string)warning.Args[3], "file format not recognized");
        Assert.IsFalse(File.Exists(destination), "an earlier stripped copy would ship as if up to date");
        Assert.IsFalse(File.Exists(AtomicFile.TempPathFor(destination)));
    }

    [TestMethod]
    public void Output_that_still_has_symbols_is_refused()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.UnstrippedLibrary(temp.Path);
        var destination = Path.Combine(temp.Path, "out", "libfixture.so");
        // A "strip" that leaves its input unchanged.
        var runner = new FakeRunner(new ToolResult(0, "", ""));
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(new NativeStripper(runner, "strip", diagnostics).Strip(library, destination, "libfixture.so"));

        Assert.AreEqual("StripFailed", diagnostics.Items.Single().Diagnostic.ResourceName);
        Assert.IsFalse(File.Exists(destination));
        Assert.IsFalse(File.Exists(AtomicFile.TempPathFor(destination)));
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private sealed class FakeRunner(ToolResult result, Action<IReadOnlyList<string>>? effect = null) : IToolRunner
    {
        public ToolResult Run(string tool, IReadOnlyList<string> arguments)
        {
            effect?.Invoke(arguments);
            return result;
        }
    }
}
