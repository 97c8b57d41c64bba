using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

/// <summary>The interpreter, DT_NEEDED and GLIBC checks on /bin/true with and without the libc and loader it needs.</summary>
[TestClass]
public sealed class LinkageChecksTests
{
    [TestMethod]
    public void A_program_with_its_loader_and_libc_passes_all_three()
    {
        using var temp = new TempFolder();
        var context = CheckImage.Context(CheckImage.Write(temp, CheckImage.Healthy()));
        foreach (IImageCheck check in new IImageCheck[] { new InterpreterCheck(), new NeededLibrariesCheck(), new GlibcVersionsCheck() })
        {
            var finding = check.Run(context);
            Assert.IsNull(finding.Problem, $"{check.Name}: {finding.Summary} {string.Join("; ", finding.Evidence)}");
        }
        StringAssert.Contains(string.Join(" ", new GlibcVersionsCheck().Run(context).Evidence), "provides GLIBC_2.");
    }

    [TestMethod]
    public void A_program_on_an_empty_base_lacks_its_interpreter_and_libc()
    {
        using var temp = new TempFolder();
        var context = CheckImage.Context(CheckImage.Write(temp, [LayerEntry.FromFile("app/true", "/bin/true", executable: true)]));
        var interpreter = new InterpreterCheck().Run(context);
        Assert.IsNotNull(interpreter.Problem);
        Assert.AreEqual("/lib64/ld-linux-x86-64.so.2", interpreter.Problem[0]);
        Assert.AreEqual("/app/true", interpreter.Problem[1]);
        var needed = new NeededLibrariesCheck().Run(context);
        Assert.IsNotNull(needed.Problem);
        StringAssert.Contains((string)needed.Problem[0], "libc.so.6");
        Assert.IsNull(new GlibcVersionsCheck().Run(context).Problem, "no libc to compare: the needed-libraries check reports it");
    }

    [TestMethod]
    public void A_library_found_only_through_the_runpath_or_for_another_processor_is_judged_as_the_loader_would()
    {
        using var temp = new TempFolder();
        var foreign = ElfFixtures.WithMachine("/lib/x86_64-linux-gnu/libc.so.6", Path.Combine(temp.Path, "libc-arm.so.6"), Slim.Build.Tasks.Elf.ElfMachine.AArch64);
        var image = CheckImage.Write(temp,
        [
            LayerEntry.FromFile("app/true", "/bin/true", executable: true),
            LayerEntry.FromFile("usr/lib/x86_64-linux-gnu/libc.so.6", foreign, executable: true),
            LayerEntry.FromFile("lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", executable: true),
        ]);
        var needed = new NeededLibrariesCheck().Run(CheckImage.Context(image));
        Assert.IsNotNull(needed.Problem, "a libc for another processor does not count: " + needed.Summary);
    }

    [TestMethod]
    public void A_libc_older_than_the_versions_the_program_asks_for_fails()
    {
        using var temp = new TempFolder();
        var entries = CheckImage.Healthy();
        entries.RemoveAll(e => e.Path.EndsWith("libc.so.6", StringComparison.Ordinal));
        // An old glibc defines GLIBC_2.2.5 up to its own release; /bin/true on this machine asks for newer ones.
        entries.Add(LayerEntry.FromText("usr/lib/x86_64-linux-gnu/libc.so.6", "GLIBC_2.2.5\0GLIBC_2.3\0GLIBC_2.3.4\0"));
        var glibc = new GlibcVersionsCheck().Run(CheckImage.Context(CheckImage.Write(temp, entries)));
        Assert.IsNotNull(glibc.Problem, glibc.Summary);
        Assert.AreEqual("/app/true", glibc.Problem[0]);
        Assert.AreEqual("GLIBC_2.3.4", glibc.Problem[2]);
    }

    [TestMethod]
    [DataRow("GLIBC_2.2.5\0GLIBC_PRIVATE\0GLIBC_2.36\0GLIBC_2.4\0", "2.36")]
    [DataRow("xGLIBC_2.3.4.\0GLIBC_2.3", "2.3.4")]
    [DataRow("GLIBC_\0GLIBC_PRIVATE", null)]
    [DataRow("", null)]
    public void The_newest_version_libc_defines_is_the_glibc_it_is(string strings, string? expected) =>
        Assert.AreEqual(expected is null ? null : Version.Parse(expected), GlibcVersionsCheck.NewestDefined(System.Text.Encoding.ASCII.GetBytes(strings)));

    [TestMethod]
    public void This_machine_s_libc_is_the_glibc_ldd_names()
    {
        var ldd = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ldd", "--version") { RedirectStandardOutput = true })!;
        var first = ldd.StandardOutput.ReadLine()!;
        ldd.WaitForExit();
        var newest = GlibcVersionsCheck.NewestDefined(File.ReadAllBytes("/lib/x86_64-linux-gnu/libc.so.6"));
        Assert.IsNotNull(newest);
        StringAssert.EndsWith(first.Trim(), " " + newest.ToString(2));
    }
}
