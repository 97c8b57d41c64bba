using System.Security.Cryptography;
using Slim.Build.Tasks.Diagnostics;
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

        var result = new NativeStripper(new ToolRunner(), "strip").Strip(library, destination, "libfixture.so");

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
        new NativeStripper(new ToolRunner(), "strip").Strip(exe, destination, "fixture");
        var run = new ToolRunner().Run(destination, []);
        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual("fixture ran", run.StandardOutput.Trim());
    }

    [TestMethod]
    public void A_failing_strip_is_a_slim_error_and_writes_nothing()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.UnstrippedLibrary(temp.Path);
        var destination = Path.Combine(temp.Path, "out", "libfixture.so");
        var runner = new FakeRunner(new ToolResult(1, "", "strip: libfixture.so: file format not recognized"));

        var error = Assert.ThrowsExactly<SlimException>(() => new NativeStripper(runner, "strip").Strip(library, destination, "libfixture.so"));

        Assert.AreEqual(SlimDiagnostics.StripFailed, error.Diagnostic);
        StringAssert.Contains((string)error.Args[3], "file format not recognized");
        Assert.IsFalse(File.Exists(destination));
    }

    [TestMethod]
    public void Output_that_still_has_symbols_is_refused()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.UnstrippedLibrary(temp.Path);
        var destination = Path.Combine(temp.Path, "out", "libfixture.so");
        // A "strip" that copies its input unchanged.
        var runner = new FakeRunner(new ToolResult(0, "", ""), args => File.Copy(args[^1], args[2]));

        var error = Assert.ThrowsExactly<SlimException>(() => new NativeStripper(runner, "strip").Strip(library, destination, "libfixture.so"));

        Assert.AreEqual(SlimDiagnostics.StripFailed, error.Diagnostic);
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
