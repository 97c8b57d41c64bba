using Slim.Build.Tasks.Prune;

namespace Slim.Build.Tasks.Tests.Prune;

[TestClass]
public sealed class PruneRulesTests
{
    [TestMethod]
    [DataRow("appsettings.Development.json")]
    [DataRow("config/appsettings.Development.json")]
    [DataRow("NuGet.config")]
    [DataRow("nuget.config")]
    [DataRow("createdump")]
    [DataRow("libmscordaccore.so")]
    [DataRow("libmscordbi.so")]
    [DataRow("libclrgc.so")]
    [DataRow("libclrgcexp.so")]
    [DataRow("libcoreclrtraceptprovider.so")]
    public void Prunes_what_production_does_not_need(string path) =>
        Assert.IsTrue(new PruneRules(true, [], []).ShouldPrune(path), path);

    [TestMethod]
    [DataRow("appsettings.json")]
    [DataRow("appsettings.Production.json")]
    [DataRow("libcoreclr.so")]
    [DataRow("libclrjit.so")]
    [DataRow("App.dll")]
    [DataRow("web.config")]
    public void Keeps_what_the_app_needs(string path) =>
        Assert.IsFalse(new PruneRules(true, [], []).ShouldPrune(path), path);

    [TestMethod]
    public void Runtime_pieces_stay_when_that_rule_is_off() =>
        Assert.IsFalse(new PruneRules(false, [], []).ShouldPrune("createdump"));

    [TestMethod]
    public void SlimKeep_wins_over_every_rule()
    {
        var rules = new PruneRules(true, ["createdump", "appsettings.Development.json"], []);
        Assert.IsFalse(rules.ShouldPrune("createdump"));
        Assert.IsFalse(rules.ShouldPrune("appsettings.Development.json"));
        Assert.IsTrue(rules.ShouldPrune("libmscordbi.so"));
    }

    [TestMethod]
    public void SlimPrune_adds_globs() =>
        Assert.IsTrue(new PruneRules(true, [], ["wwwroot/**/*.map"]).ShouldPrune("wwwroot/js/site.js.map"));
}
