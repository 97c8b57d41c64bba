using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>SlimResolveNeeds as the needs target runs it: app-scan.json in, needs.json out.</summary>
[TestClass]
public sealed class ResolveNeedsTaskTests
{
    [TestMethod]
    [DataRow("false", true)]
    [DataRow("False", true)]
    [DataRow("", false)]
    [DataRow("true", false)]
    public void SlimTls_false_on_a_web_app_leaves_OpenSSL_out_with_notice_SLIM1018_naming_the_evidence(string tls, bool optedOut)
    {
        using var temp = new TempFolder();
        var scan = Path.Combine(temp.Path, "app-scan.json");
        new AppScan(GlobalizationDecision.Decide("", aggressive: false, []), []).Save(scan);
        var engine = new RecordingBuildEngine();
        var task = new SlimResolveNeeds
        {
            BuildEngine = engine, ProjectDirectory = temp.Path, ScanFile = scan, NeedsFile = Path.Combine(temp.Path, "needs.json"),
            Profile = "aot", IsWebApp = true, Tls = tls, RuntimeIdentifier = "linux-x64",
        };

        Assert.IsTrue(task.Execute(), string.Join("\n", engine.Errors.Select(e => e.Message)));

        Assert.AreEqual(!optedOut, RuntimeNeeds.Load(task.NeedsFile).Requires(NeedKind.Openssl), "OpenSSL in needs.json");
        var notices = engine.Messages.Where(m => m.Code == "SLIM1018").ToList();
        Assert.AreEqual(optedOut ? 1 : 0, notices.Count, string.Join("\n", engine.Messages.Select(m => m.Code + " " + m.Message)));
        if (!optedOut)
            return;
        StringAssert.Contains(notices[0].Message, "SlimTls=false leaves OpenSSL and the CA bundle out of the image although the app shows signs of using them (");
        StringAssert.Contains(notices[0].Message, "data protection");
        StringAssert.Contains(notices[0].Message, "Remove SlimTls=false");
    }
}
