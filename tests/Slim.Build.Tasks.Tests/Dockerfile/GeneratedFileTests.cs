using Slim.Build.Tasks.Dockerfile;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.Dockerfile;

[TestClass]
public sealed class GeneratedFileTests
{
    private static readonly string Version1 = GeneratedFile.Mark("# syntax=docker/dockerfile:1\n", "App", "FROM base\nUSER 1654\n");
    private static readonly string Version2 = GeneratedFile.Mark("# syntax=docker/dockerfile:1\n", "App", "FROM base\nUSER 1654\nEXPOSE 8080/tcp\n");

    [TestMethod]
    public void A_missing_copy_is_created_and_an_untouched_one_is_updated()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "Dockerfile");
        var diagnostics = new RecordingDiagnostics();
        Assert.IsTrue(GeneratedFile.WriteCommittedCopy(path, Version1, diagnostics));
        Assert.IsFalse(GeneratedFile.WriteCommittedCopy(path, Version1, diagnostics), "identical text was written again");
        Assert.IsTrue(GeneratedFile.WriteCommittedCopy(path, Version2, diagnostics));
        Assert.AreEqual(Version2, File.ReadAllText(path));
        Assert.AreEqual(0, diagnostics.Items.Count);
    }

    [TestMethod]
    public void A_hand_edited_copy_is_left_alone_with_a_warning_even_when_the_marker_stays()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "Dockerfile");
        var edited = Version1.Replace("USER 1654", "USER 1654\nHEALTHCHECK NONE");
        File.WriteAllText(path, edited);
        var diagnostics = new RecordingDiagnostics();

        Assert.IsFalse(GeneratedFile.WriteCommittedCopy(path, Version2, diagnostics));

        Assert.AreEqual(edited, File.ReadAllText(path));
        var warning = diagnostics.Items.Single();
        Assert.AreEqual(("warning", SlimDiagnostics.GeneratedFileOwnedByUser), (warning.Level, warning.Diagnostic));
        Assert.AreEqual(path, warning.Args[0]);
    }

    [TestMethod]
    public void A_file_without_the_marker_belongs_to_the_user()
    {
        using var temp = new TempFolder();
        var path = temp.File(".dockerignore", "bin\n"u8.ToArray());
        var diagnostics = new RecordingDiagnostics();
        Assert.IsFalse(GeneratedFile.WriteCommittedCopy(path, Version2, diagnostics));
        Assert.AreEqual("bin\n", File.ReadAllText(path));
        CollectionAssert.AreEqual(new[] { SlimDiagnostics.GeneratedFileOwnedByUser }, diagnostics.Warnings.ToArray());
    }

    [TestMethod]
    public void Windows_line_endings_from_a_checkout_still_count_as_untouched()
    {
        Assert.IsTrue(GeneratedFile.IsUntouched(Version1.Replace("\n", "\r\n")));
        Assert.IsFalse(GeneratedFile.IsUntouched(Version1.Replace("1654", "0")));
        Assert.IsFalse(GeneratedFile.IsUntouched("FROM base\n"));
    }
}
