using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

/// <summary>Debug symbols, secrets, layer waste and analysis warnings: each passing and failing.</summary>
[TestClass]
public sealed class ShippingChecksTests
{
    [TestMethod]
    public void Symbol_files_and_unstripped_elf_files_fail()
    {
        using var temp = new TempFolder();
        var clean = CheckImage.Write(temp, CheckImage.Healthy());
        Assert.IsNull(new DebugSymbolsCheck().Run(CheckImage.Context(clean)).Problem);

        // A real unstripped ELF file: this test assembly's native fixture compiler output is not needed, gcc -g is.
        var source = temp.File("hello.c", System.Text.Encoding.ASCII.GetBytes("int main(void){return 0;}\n"));
        var program = Path.Combine(temp.Path, "hello");
        var gcc = System.Diagnostics.Process.Start("gcc", ["-g", "-o", program, source]);
        gcc.WaitForExit();
        Assert.AreEqual(0, gcc.ExitCode, "gcc -g failed");
        var entries = CheckImage.Healthy();
        entries.Add(LayerEntry.FromFile("app/hello", program, executable: true));
        entries.Add(LayerEntry.FromText("app/App.dbg", "symbols"));
        using var temp2 = new TempFolder();
        var finding = new DebugSymbolsCheck().Run(CheckImage.Context(CheckImage.Write(temp2, entries)));
        CollectionAssert.AreEquivalent(new[] { "/app/App.dbg (7 B)", "/app/hello holds .debug_info" }, finding.Evidence.ToArray());
    }

    [TestMethod]
    public void Development_settings_keys_env_files_and_nuget_credentials_fail_but_a_plain_nuget_config_does_not()
    {
        using var temp = new TempFolder();
        var plain = CheckImage.Healthy();
        plain.Add(LayerEntry.FromText("app/NuGet.config", "<configuration><packageSources><add key=\"nuget\" value=\"https://api.nuget.org/v3/index.json\" /></packageSources></configuration>"));
        plain.Add(LayerEntry.FromText("app/appsettings.json", "{}"));
        Assert.IsNull(new SecretsCheck().Run(CheckImage.Context(CheckImage.Write(temp, plain))).Problem);

        var leaky = CheckImage.Healthy();
        leaky.Add(LayerEntry.FromText("app/NuGet.config", "<configuration><packageSourceCredentials><feed><add key=\"ClearTextPassword\" value=\"hunter2\" /></feed></packageSourceCredentials></configuration>"));
        leaky.Add(LayerEntry.FromText("app/appsettings.Development.json", "{}"));
        leaky.Add(LayerEntry.FromText("app/.env", "TOKEN=1"));
        leaky.Add(LayerEntry.FromText("app/secrets.json", "{}"));
        leaky.Add(LayerEntry.FromText("app/cert.pfx", "pfx"));
        leaky.Add(LayerEntry.FromText("app/tls.key", "key"));
        using var temp2 = new TempFolder();
        var finding = new SecretsCheck().Run(CheckImage.Context(CheckImage.Write(temp2, leaky)));
        Assert.AreEqual(6, finding.Evidence.Count, string.Join("\n", finding.Evidence));
        CollectionAssert.Contains(finding.Evidence.ToList(), "/app/NuGet.config: NuGet feed credentials");
    }

    [TestMethod]
    public void Layer_waste_over_the_limit_fails()
    {
        using var temp = new TempFolder();
        var image = CheckImage.Write(temp,
        [
            [.. CheckImage.Healthy(), LayerEntry.FromText("app/data.bin", new string('x', 4000))],
            [LayerEntry.FromText("app/data.bin", "small")],
        ]);
        var under = new LayerWasteCheck().Run(CheckImage.Context(image, maxWaste: 4000));
        Assert.IsNull(under.Problem, under.Summary);
        CollectionAssert.AreEqual(new[] { "/app/data.bin in layer 0: 4000 B overwritten above" }, under.Evidence.ToArray());
        var over = new LayerWasteCheck().Run(CheckImage.Context(image, maxWaste: 3999));
        Assert.IsNotNull(over.Problem, over.Summary);
        Assert.IsNull(new LayerWasteCheck().Run(CheckImage.Context(image)).Problem, "no limit, no failure: the waste is still recorded");
    }

    [TestMethod]
    public void Analysis_warnings_fail_with_each_as_evidence()
    {
        using var temp = new TempFolder();
        var image = CheckImage.Write(temp, CheckImage.Healthy());
        Assert.IsNull(new AnalysisWarningsCheck().Run(CheckImage.Context(image)).Problem);
        var warnings = new AnalysisWarnings(2, [
            new AnalysisWarning("IL2026", "Using member 'Load' which has 'RequiresUnreferencedCodeAttribute'", "Program.cs:3"),
            new AnalysisWarning("IL3053", "Assembly 'Newtonsoft.Json' produced AOT analysis warnings.", null, AnalysisWarning.Ilc, "Newtonsoft.Json", "Newtonsoft.Json", "13.0.3"),
        ], "compiler analyzers and ILC");
        var finding = new AnalysisWarningsCheck().Run(CheckImage.Context(image, analysis: warnings));
        Assert.AreEqual(2, finding.Problem?[0]);
        Assert.AreEqual("IL2026, IL3053", finding.Problem?[1]);
        StringAssert.StartsWith(finding.Evidence[0], "analyzer IL2026 at Program.cs:3: Using member");
        Assert.AreEqual("ILC IL3053 Newtonsoft.Json 13.0.3: Assembly 'Newtonsoft.Json' produced AOT analysis warnings.", finding.Evidence[1]);
    }
}
