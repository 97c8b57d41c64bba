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

    [TestMethod]
    public void An_aarch64_library_goes_to_the_foreign_strip_tool_which_the_host_strip_cannot_replace()
    {
        if (ToolLocator.Find("clang") is null || ToolLocator.Find("ld.lld") is null || ToolLocator.Find("llvm-strip") is null)
            Assert.Inconclusive("needs clang, lld and llvm (build/bootstrap.sh installs them)");
        using var temp = new TempFolder();
        var source = Path.Combine(temp.Path, "answer.c");
        File.WriteAllText(source, "int slim_answer(void) { return 42; }\nstatic int helper(int x) { return x * 2; }\nint slim_twice(int x) { return helper(x); }\n");
        var library = Path.Combine(temp.Path, "libanswer.so");
        // No C library is linked, so no arm64 sysroot is needed: a shared object that only defines functions.
        var built = new ToolRunner().Run("clang", ["--target=aarch64-linux-gnu", "-fuse-ld=lld", "-nostdlib", "-shared", "-fPIC", "-g", "-o", library, source]);
        Assert.AreEqual(0, built.ExitCode, built.Output);
        Assert.AreEqual(ElfMachine.AArch64, ElfFile.TryRead(library)!.Machine);

        var hostOnly = new RecordingDiagnostics();
        Assert.IsNull(new NativeStripper(new ToolRunner(), "strip", hostOnly).Strip(library, Path.Combine(temp.Path, "host", "libanswer.so"), "libanswer.so"),
            "Debian's x64 strip reads no aarch64 file: if it did, this test would not be needed");
        Assert.AreEqual(Slim.Build.Tasks.Diagnostics.SlimDiagnostics.StripFailed, hostOnly.Items.Single().Diagnostic);

        var diagnostics = new RecordingDiagnostics();
        var result = new NativeStripper(new ToolRunner(), "strip", diagnostics, "llvm-strip").Strip(library, Path.Combine(temp.Path, "out", "libanswer.so"), "libanswer.so");

        Assert.IsNotNull(result, string.Join("; ", diagnostics.Items.Select(i => string.Join(" | ", i.Args))));
        Assert.IsTrue(result.After < result.Before, $"stripped {result.Before} -> {result.After}");
        Assert.IsFalse(ElfFile.TryRead(result.Destination)!.HasStrippableSections);
        Assert.AreEqual(ElfMachine.AArch64, ElfFile.TryRead(result.Destination)!.Machine);
    }
}
