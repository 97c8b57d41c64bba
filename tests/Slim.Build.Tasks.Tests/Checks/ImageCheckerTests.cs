using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

[TestClass]
public sealed class ImageCheckerTests
{
    [TestMethod]
    public void A_problem_is_a_warning_unless_its_code_is_raised_and_a_pass_logs_nothing()
    {
        using var temp = new TempFolder();
        var image = CheckImage.Write(temp, [LayerEntry.FromFile("app/true", "/bin/true", executable: true)], CheckImage.Config(workingDirectory: null));
        var context = CheckImage.Context(image);

        var warn = new RecordingDiagnostics();
        var results = ImageChecker.Run(ImageChecker.All, context, ChecksAsErrors.Parse("", ImageChecker.Codes, warn), warn);
        Assert.AreEqual(ImageChecker.All.Count, results.Count);
        Assert.AreEqual(0, warn.Errors.Count());
        CollectionAssert.IsSubsetOf(new[] { "SLIM7001", "SLIM7002", "SLIM7007" }, warn.Warnings.Select(w => w.Code).ToArray());
        Assert.AreEqual(results.Count(r => r.Status == CheckStatus.Warn), warn.Warnings.Count(), "one warning per problem, none for a pass");
        Assert.AreEqual(CheckStatus.Pass, results.Single(r => r.Code == "SLIM7008").Status);

        var raised = new RecordingDiagnostics();
        results = ImageChecker.Run(ImageChecker.All, context, ChecksAsErrors.Parse("SLIM7001; slim7007", ImageChecker.Codes, raised), raised);
        CollectionAssert.AreEquivalent(new[] { "SLIM7001", "SLIM7007" }, raised.Errors.Select(e => e.Code).ToArray());
        Assert.AreEqual(CheckStatus.Fail, results.Single(r => r.Code == "SLIM7001").Status);
        Assert.AreEqual(CheckStatus.Warn, results.Single(r => r.Code == "SLIM7002").Status);

        var all = new RecordingDiagnostics();
        ImageChecker.Run(ImageChecker.All, context, ChecksAsErrors.Parse("true", ImageChecker.Codes, all), all);
        Assert.AreEqual(0, all.Warnings.Count());
        Assert.IsTrue(all.Errors.Count() >= 3);
    }

    [TestMethod]
    public void An_unknown_code_in_SlimChecksAsErrors_is_an_error()
    {
        var diagnostics = new RecordingDiagnostics();
        var raise = ChecksAsErrors.Parse("SLIM7001;SLIM1234", ImageChecker.Codes, diagnostics);
        Assert.AreEqual(SlimDiagnostics.ChecksAsErrorsUnknownCode, diagnostics.Errors.Single());
        Assert.IsTrue(raise.Raises("SLIM7001"));
        Assert.IsFalse(raise.Raises("SLIM7002"));
    }

    [TestMethod]
    public void Checks_json_round_trips_with_kebab_case_statuses()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, ChecksFile.FileName);
        ChecksFile.Save(path, [new CheckResult("SLIM7001", "interpreter", CheckStatus.Warn, "missing", ["/lib64/ld-linux-x86-64.so.2"])]);
        StringAssert.Contains(File.ReadAllText(path), "\"status\": \"warn\"");
        Assert.AreEqual("interpreter", ChecksFile.TryLoad(path).Single().Name);
        Assert.AreEqual(0, ChecksFile.TryLoad(Path.Combine(temp.Path, "none.json")).Count);
    }
}
