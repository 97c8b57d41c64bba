using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Tests.Needs;

[TestClass]
public sealed class GlobalizationDecisionTests
{
    private static readonly NeedEvidence CultureCall = new("App.dll", "calls System.Globalization.CultureInfo.GetCultureInfo");

    [TestMethod]
    public void Without_culture_calls_Slim_chooses_invariant()
    {
        var decision = GlobalizationDecision.Decide("", aggressive: false, []);
        Assert.IsTrue(decision.Invariant);
        Assert.AreEqual(GlobalizationDecision.BySlim, decision.DecidedBy);
    }

    [TestMethod]
    public void A_culture_call_keeps_globalization_on_at_the_safe_level()
    {
        var decision = GlobalizationDecision.Decide("", aggressive: false, [CultureCall]);
        Assert.IsFalse(decision.Invariant);
        StringAssert.Contains(decision.Reason, "App.dll calls System.Globalization.CultureInfo.GetCultureInfo");
    }

    [TestMethod]
    public void Aggressive_trades_the_culture_call_for_size()
    {
        Assert.IsTrue(GlobalizationDecision.Decide("", aggressive: true, [CultureCall]).Invariant);
    }

    [TestMethod]
    [DataRow("true", true)]
    [DataRow("false", false)]
    [DataRow(" True ", true)]
    public void The_project_value_always_wins(string value, bool invariant)
    {
        var decision = GlobalizationDecision.Decide(value, aggressive: true, [CultureCall]);
        Assert.AreEqual(invariant, decision.Invariant);
        Assert.AreEqual(GlobalizationDecision.ByProject, decision.DecidedBy);
    }
}
