using System.Xml.Linq;

namespace Slim.Targets.Tests;

/// <summary>
/// The target that keeps ILC's warnings runs ILC the way the SDK's IlcCompile does, before it, with its inputs and
/// outputs, so IlcCompile then skips: checked against the ILCompiler package's own targets file.
/// </summary>
[TestClass]
public sealed class IlcWarningsTargetTests
{
    private const string Target = "_SlimCompileNativeCapturingWarnings";

    [TestMethod]
    public void It_runs_before_IlcCompile_for_NativeAOT_only_and_the_project_can_turn_it_off()
    {
        using var aot = new SlimProject("<PublishAot>true</PublishAot>");
        var target = aot.Project.Targets[Target];
        Assert.AreEqual("IlcCompile", target.BeforeTargets);
        StringAssert.Contains(target.Condition, "'$(PublishAot)' == 'true'");
        Assert.AreEqual("true", aot["SlimCaptureIlcWarnings"]);
        using var off = new SlimProject("<PublishAot>true</PublishAot><SlimCaptureIlcWarnings>false</SlimCaptureIlcWarnings>");
        Assert.AreEqual("false", off["SlimCaptureIlcWarnings"]);
    }

    [TestMethod]
    public void It_mirrors_the_ILCompiler_package_s_IlcCompile_command_and_declares_its_inputs_and_outputs()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot>");
        var version = project["BundledNETCoreAppPackageVersion"];
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var sdkTargets = Path.Combine(cache, "microsoft.dotnet.ilcompiler", version, "build", "Microsoft.NETCore.Native.targets");
        if (!File.Exists(sdkTargets))
            Assert.Inconclusive($"{sdkTargets} is not in the package cache: publish any NativeAOT app once.");

        var theirs = TargetElement(sdkTargets, "IlcCompile");
        var ours = TargetElement(Path.Combine(SlimProject.BuildFolder, "Slim.IlcWarnings.targets"), Target);
        Assert.AreEqual(Exec(theirs).Attribute("Command")!.Value, Exec(ours).Attribute("Command")!.Value, "the ILC command line changed in ILCompiler " + version);
        Assert.AreEqual(theirs.Attribute("Inputs")!.Value, ours.Attribute("Inputs")!.Value);
        StringAssert.StartsWith(ours.Attribute("Outputs")!.Value, theirs.Attribute("Outputs")!.Value + ";");
        // The environment: theirs adds DOTNET_gcServer=0 for IlcUseServerGc=false, as ours does.
        StringAssert.Contains(theirs.ToString(), "DOTNET_gcServer=0;$(_IlcEnvironmentVariables)");
        StringAssert.Contains(ours.ToString(), "DOTNET_gcServer=0;$(_IlcEnvironmentVariables)");
        Assert.AreEqual(1, theirs.Descendants().Count(e => e.Name.LocalName == "Exec"), "IlcCompile runs more than ILC now");
    }

    private static XElement TargetElement(string file, string name) =>
        XDocument.Load(file).Root!.Elements().Single(e => e.Name.LocalName == "Target" && (string?)e.Attribute("Name") == name);

    private static XElement Exec(XElement target) => target.Descendants().Single(e => e.Name.LocalName == "Exec");
}
