using Microsoft.Build.Utilities;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Upx;

namespace Slim.Build.Tasks.Tests.Checks;

/// <summary>
/// A UPX-packed program has no PT_INTERP, PT_DYNAMIC nor DT_NEEDED: the linkage checks read the file Slim packed.
/// Measured: -p:SlimUpx=true on scratch passed all three checks and the container exited 127.
/// </summary>
[TestClass]
public sealed class PackedProgramChecksTests
{
    [TestMethod]
    public void A_packed_dynamic_program_on_an_empty_base_fails_the_linkage_checks_read_from_its_original()
    {
        using var temp = new TempFolder();
        var original = NativeFixtures.LargeExecutable(temp.Path);
        var packed = Path.Combine(temp.Path, "obj", "slim", "upx", "large");
        var originalsFile = Path.Combine(temp.Path, "obj", "slim", PackedOriginals.FileName);
        var item = new TaskItem(original);
        item.SetMetadata("RelativePath", "large");
        item.SetMetadata("SlimContent", original);
        item.SetMetadata("SlimStepOutput", packed);
        item.SetMetadata("UpxPath", "upx");
        item.SetMetadata("UpxArgs", "--best");
        var engine = new RecordingBuildEngine();
        var upx = new SlimUpx { BuildEngine = engine, Files = [item], LedgerDirectory = Path.Combine(temp.Path, "obj", "slim", "ledger"), OriginalsFile = originalsFile };
        Assert.IsTrue(upx.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));
        Assert.IsTrue(UpxScreen.IsPacked(packed), "the fixture was not packed");
        Assert.IsNull(Slim.Build.Tasks.Elf.ElfFile.TryRead(packed)!.Interpreter, "UPX hides the interpreter: the test shows nothing");

        var image = CheckImage.Write(temp, [LayerEntry.FromFile("app/large", packed, executable: true)]);
        var seenThrough = new ImageCheckContext(image, ImageElfFiles.Read(image, "", PackedOriginals.Load(originalsFile)), null,
            new Slim.Build.Tasks.Analysis.AnalysisWarnings(0, [], "none"), "scratch", null);

        var interpreter = new InterpreterCheck().Run(seenThrough);
        Assert.IsNotNull(interpreter.Problem, interpreter.Summary);
        Assert.AreEqual("/lib64/ld-linux-x86-64.so.2", interpreter.Problem[0]);
        Assert.AreEqual("/app/large", interpreter.Problem[1]);
        StringAssert.Contains(interpreter.Evidence.Single(), "read from the file UPX packed");
        var needed = new NeededLibrariesCheck().Run(seenThrough);
        Assert.IsNotNull(needed.Problem, needed.Summary);
        StringAssert.Contains((string)needed.Problem[0], "libc.so.6");

        // The negative control: the packed bytes alone show a static program, which is what the checklist used to pass.
        var packedOnly = CheckImage.Context(image);
        Assert.IsNull(new InterpreterCheck().Run(packedOnly).Problem);
        Assert.IsNull(new NeededLibrariesCheck().Run(packedOnly).Problem);
    }

    [TestMethod]
    public void An_originals_file_that_is_missing_or_damaged_reads_as_no_packed_file()
    {
        using var temp = new TempFolder();
        Assert.AreEqual(0, PackedOriginals.Load(Path.Combine(temp.Path, "missing.json")).Count);
        Assert.AreEqual(0, PackedOriginals.Load(temp.File("damaged.json", "{not json"u8.ToArray())).Count);
        Assert.AreEqual(0, PackedOriginals.Load("").Count);
    }
}
