using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Analysis;

[TestClass]
public sealed class SarifWarningsTests
{
    [TestMethod]
    public void Counts_trim_and_aot_warnings_and_skips_the_rest()
    {
        using var temp = new TempFolder();
        var sarif = temp.File("log.sarif", System.Text.Encoding.UTF8.GetBytes("""
        {"version":"2.1.0","runs":[{"results":[
          {"ruleId":"IL2026","level":"warning","message":{"text":"Using member 'Load' which has RequiresUnreferencedCode"},
           "locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///src/Program.cs"},"region":{"startLine":7}}}]},
          {"ruleId":"IL3050","level":"warning","message":{"text":"RequiresDynamicCode"}},
          {"ruleId":"IL2070","level":"warning","message":{"text":"suppressed"},"suppressions":[{"kind":"inSource"}]},
          {"ruleId":"CS0168","level":"warning","message":{"text":"unused variable"}}
        ]}]}
        """));
        var warnings = SarifWarnings.Read(sarif);
        Assert.AreEqual(2, warnings.Count);
        Assert.AreEqual("IL2026", warnings.Items[0].Code);
        Assert.AreEqual("Program.cs:7", warnings.Items[0].Location);
    }

    [TestMethod]
    public void No_log_means_no_warnings() => Assert.AreEqual(0, SarifWarnings.Read("/nonexistent.sarif").Count);
}
