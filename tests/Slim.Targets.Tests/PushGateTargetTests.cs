namespace Slim.Targets.Tests;

/// <summary>Nothing leaves the machine until every gate has passed: the push runs after the checklist, the report and the budgets.</summary>
[TestClass]
public sealed class PushGateTargetTests
{
    [TestMethod]
    public void The_push_runs_after_every_gate_and_the_report_records_it_last()
    {
        using var project = new SlimProject("<ContainerRegistry>localhost:5000</ContainerRegistry>");
        var steps = project["SlimAfterPublishDependsOn"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var push = steps.IndexOf("SlimPushImage");
        foreach (var gate in new[] { "SlimImage", "SlimVerifyImage", "SlimReport", "SlimBudgets" })
            Assert.IsTrue(steps.IndexOf(gate) is >= 0 and var at && at < push, $"{gate} runs after the push: " + string.Join(";", steps));
        Assert.AreEqual(steps.Count - 2, push, string.Join(";", steps));
        Assert.AreEqual("_SlimReportPush", steps[^1]);

        // Alone (dotnet msbuild -t:SlimPushImage) it runs the gates first too.
        var alone = project.Project.Targets["SlimPushImage"].DependsOnTargets.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        CollectionAssert.IsSubsetOf(new[] { "SlimVerifyImage", "SlimBudgets" }, alone);
    }

    [TestMethod]
    public void A_failed_check_keeps_the_push_from_running()
    {
        using var project = new SlimProject("<ContainerRegistry>localhost:5000</ContainerRegistry><_SlimActive>true</_SlimActive>");
        var condition = project.Project.Targets["SlimPushImage"].Condition;
        StringAssert.Contains(condition, "'$(_SlimChecksFailed)' != 'true'");
        var verify = project.Project.Targets["SlimVerifyImage"].Tasks.Single(t => t.Name == "SlimVerifyImage");
        Assert.AreEqual("ErrorAndContinue", verify.ContinueOnError, "a failed check must let the report be written");
    }
}
