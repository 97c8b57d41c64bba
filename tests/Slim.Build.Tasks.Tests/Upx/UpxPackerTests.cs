using System.Security.Cryptography;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Pipeline;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Upx;
using Slim.Build.Tasks.Ledger;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Tests.Upx;

[TestClass]
public sealed class UpxPackerTests
{
    private static readonly string[] Best = ["--best"];

    [TestMethod]
    public void Packs_a_real_executable_that_still_runs_and_leaves_the_source_alone()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path);
        var before = Hash(exe);
        var destination = Path.Combine(temp.Path, "upx", "large");

        var result = Packer(new ToolRunner(), Best).Pack(Candidate(exe, null), destination);

        Assert.AreEqual(before, Hash(exe), "the source changed");
        Assert.AreEqual(LedgerAction.Packed, result.Action);
        Assert.IsTrue(result.After < result.Before / 2, $"packed {result.Before} -> {result.After}");
        // The fixture is mostly zeros, which gzip shrinks better than UPX: only check both were measured.
        Assert.IsTrue(result.GzipBefore > 0 && result.GzipAfter > 0, $"gzipped {result.GzipBefore} -> {result.GzipAfter}");
        Assert.AreEqual(0, new ToolRunner().Run("upx", ["-t", destination]).ExitCode, "upx -t rejects the packed file");
        var run = new ToolRunner().Run(destination, []);
        Assert.AreEqual("large ran", run.StandardOutput.Trim(), run.Output);
        Assert.IsFalse(File.Exists(AtomicFile.TempPathFor(destination)), "temporary file left behind");
        Assert.IsTrue(UpxScreen.IsPacked(destination));
    }

    [TestMethod]
    public void A_packed_binary_counts_as_stripped_because_upx_drops_the_section_headers()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path);
        Assert.IsTrue(ElfFile.TryRead(exe)!.HasStrippableSections, "the fixture should carry debug sections");
        var destination = Path.Combine(temp.Path, "upx", "large");

        Packer(new ToolRunner(), Best).Pack(Candidate(exe, null), destination);

        var packed = ElfFile.TryRead(destination);
        Assert.IsNotNull(packed, "a packed file is still ELF");
        Assert.AreEqual(0, packed.SectionNames.Count);
        Assert.IsFalse(packed.HasStrippableSections);
    }

    [TestMethod]
    public void Args_that_upx_rejects_are_a_slim_error_and_write_nothing()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path);
        var before = Hash(exe);
        var destination = EarlierPackedCopy(temp);

        var error = Assert.ThrowsExactly<SlimException>(() => Packer(new ToolRunner(), ["--no-such-option"]).Pack(Candidate(exe, null), destination));

        Assert.AreEqual(SlimDiagnostics.UpxFailed, error.Diagnostic);
        StringAssert.Contains((string)error.Args[4], "no-such-option");
        Assert.AreEqual(before, Hash(exe));
        Assert.IsFalse(File.Exists(destination), "an earlier packed copy would look up to date");
        Assert.IsFalse(File.Exists(AtomicFile.TempPathFor(destination)));
    }

    [TestMethod]
    public void A_packed_copy_that_fails_upx_test_is_thrown_away()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path);
        var destination = Path.Combine(temp.Path, "upx", "large");
        var runner = new FakeRunner(args => args.Contains("-t")
            ? new ToolResult(2, "", "upx: large: CantUnpackException: header corrupted")
            : Copy(args));

        var error = Assert.ThrowsExactly<SlimException>(() => Packer(runner, Best).Pack(Candidate(exe, null), destination));

        Assert.AreEqual(SlimDiagnostics.UpxTestFailed, error.Diagnostic);
        StringAssert.Contains((string)error.Args[3], "header corrupted");
        Assert.IsFalse(File.Exists(destination));
        Assert.IsFalse(File.Exists(AtomicFile.TempPathFor(destination)));
    }

    [TestMethod]
    public void A_packed_copy_that_does_not_unpack_to_the_original_bytes_is_refused_and_upx_never_sees_the_source()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path);
        var before = Hash(exe);
        var destination = EarlierPackedCopy(temp);
        // Packing and -t succeed; -d writes bytes that are not the file that was packed.
        var runner = new FakeRunner(args =>
        {
            if (args.Contains("-t"))
                return new ToolResult(0, "", "");
            if (args.Contains("-d"))
            {
                File.WriteAllBytes(args[args.ToList().IndexOf("-o") + 1], [0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 2, 3]);
                return new ToolResult(0, "", "");
            }
            return Copy(args);
        });

        var error = Assert.ThrowsExactly<SlimException>(() => Packer(runner, Best).Pack(Candidate(exe, null), destination));

        Assert.AreEqual(SlimDiagnostics.UpxTestFailed, error.Diagnostic);
        StringAssert.Contains((string)error.Args[3], "does not unpack to the original bytes");
        Assert.IsFalse(File.Exists(destination), "a packed copy that failed the round trip was written");
        Assert.IsFalse(File.Exists(AtomicFile.TempPathFor(destination)), "temporary file left behind");
        Assert.AreEqual(before, Hash(exe), "the source changed");
        var modes = runner.Calls.Select(c => c.Args.Contains("-d") ? "-d" : c.Args.Contains("-t") ? "-t" : "pack").ToArray();
        CollectionAssert.AreEqual(new[] { "pack", "-t", "-d" }, modes, "the calls UPX got");
        foreach (var (tool, args) in runner.Calls)
        {
            Assert.AreEqual("upx", tool);
            Assert.IsFalse(args.Any(a => Path.GetFullPath(a) == Path.GetFullPath(exe)), $"UPX was handed the source: {string.Join(' ', args)}");
        }
    }

    [TestMethod]
    public void A_failed_smoke_test_puts_the_original_back_with_a_warning()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path);
        var destination = Path.Combine(temp.Path, "upx", "large");
        var diagnostics = new RecordingDiagnostics();
        // The fixture exits 3 when given an argument.
        var packer = new UpxPacker(new ToolRunner(), "upx", Best, "--version", diagnostics);

        var result = packer.Pack(Candidate(exe, null), destination);

        Assert.AreEqual(LedgerAction.SmokeTestFailed, result.Action);
        CollectionAssert.AreEqual(new[] { SlimDiagnostics.UpxSmokeTestFailed }, diagnostics.Warnings.ToArray());
        Assert.AreEqual(Hash(exe), Hash(destination), "the original was not put back");
        Assert.AreEqual(result.Before, result.After);
    }

    [TestMethod]
    public void A_passing_smoke_test_keeps_the_packed_copy()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path);
        var destination = Path.Combine(temp.Path, "upx", "large");
        var diagnostics = new RecordingDiagnostics();
        var smoke = new FakeRunner(_ => new ToolResult(0, "large 1.0", ""));

        var result = new UpxPacker(new ToolRunner(), "upx", Best, "--version", diagnostics, smoke).Pack(Candidate(exe, null), destination);

        Assert.AreEqual(LedgerAction.Packed, result.Action);
        Assert.AreEqual(1, smoke.Calls.Count);
        StringAssert.EndsWith(smoke.Calls[0].Tool, AtomicFile.TempPathFor("large"), "the smoke test must run the packed copy before it is renamed");
        Assert.AreEqual(0, diagnostics.Items.Count);
    }

    [TestMethod]
    public void A_file_upx_cannot_shrink_ships_unpacked_with_a_warning()
    {
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path);
        var destination = Path.Combine(temp.Path, "upx", "large");
        var diagnostics = new RecordingDiagnostics();
        var runner = new FakeRunner(_ => new ToolResult(2, "", "upx: large: NotCompressibleException"));

        var result = new UpxPacker(runner, "upx", Best, "", diagnostics).Pack(Candidate(exe, null), destination);

        Assert.AreEqual(LedgerAction.NotCompressible, result.Action);
        CollectionAssert.AreEqual(new[] { SlimDiagnostics.UpxRefused_NotCompressible }, diagnostics.Warnings.ToArray());
        Assert.AreEqual(Hash(exe), Hash(destination));
    }

    internal static UpxCandidate Candidate(string path, string? include) =>
        new(new PublishItem(path, Path.GetFileName(path), FileOrigin.App), include);

    private static UpxPacker Packer(IToolRunner runner, string[] args) => new(runner, "upx", args, "", new RecordingDiagnostics());

    private static ToolResult Copy(IReadOnlyList<string> args)
    {
        File.Copy(args[^1], args[^2]);
        return new ToolResult(0, "", "");
    }

    /// <summary>upx/large in the folder, holding what an earlier publish packed there: a failed pack must not leave it looking up to date.</summary>
    private static string EarlierPackedCopy(TempFolder temp) => temp.File(Path.Combine("upx", "large"), "an earlier packed copy"u8.ToArray());

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private sealed class FakeRunner(Func<IReadOnlyList<string>, ToolResult> run) : IToolRunner
    {
        public List<(string Tool, IReadOnlyList<string> Args)> Calls { get; } = [];

        public ToolResult Run(string tool, IReadOnlyList<string> arguments)
        {
            Calls.Add((tool, arguments));
            return run(arguments);
        }
    }
}
