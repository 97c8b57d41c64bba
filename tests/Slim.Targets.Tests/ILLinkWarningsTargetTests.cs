using System.Xml.Linq;

namespace Slim.Targets.Tests;

/// <summary>
/// The target that keeps ILLink's output names Slim's script as the ILLink task's dotnet host just before
/// _RunILLink, under the same Inputs and Outputs: checked against the ILLink package's own targets file, since a
/// change there (another host property, other inputs) would silently stop the capture.
/// </summary>
[TestClass]
public sealed class ILLinkWarningsTargetTests
{
    private const string Target = "_SlimCaptureILLinkOutput";

    [TestMethod]
    public void It_runs_before_RunILLink_for_ILLink_trimmed_publishes_only_and_the_project_can_turn_it_off()
    {
        using var trimmed = new SlimProject("<PublishTrimmed>true</PublishTrimmed><RuntimeIdentifier>linux-x64</RuntimeIdentifier>");
        var target = trimmed.Project.Targets[Target];
        Assert.AreEqual("_RunILLink", target.BeforeTargets);
        Assert.AreEqual("true", trimmed["SlimCaptureILLinkWarnings"]);
        Assert.IsTrue(trimmed.Project.Targets.ContainsKey("_SlimRestoreDotNetHost"));
        Assert.IsTrue(trimmed.Project.CreateProjectInstance().EvaluateCondition(target.Condition.Replace("'$(DOTNET_HOST_PATH)' != ''", "true")));
        foreach (var off in new[] { "<PublishTrimmed>true</PublishTrimmed><SlimCaptureILLinkWarnings>false</SlimCaptureILLinkWarnings>", "<PublishAot>true</PublishAot>", "" })
        {
            using var project = new SlimProject(off);
            Assert.IsFalse(project.Project.CreateProjectInstance().EvaluateCondition(project.Project.Targets[Target].Condition.Replace("'$(DOTNET_HOST_PATH)' != ''", "true")), off);
        }
    }

    [TestMethod]
    public void The_ILLink_package_s_RunILLink_still_takes_its_host_from_the_two_properties_and_has_the_same_inputs()
    {
        using var project = new SlimProject("<PublishTrimmed>true</PublishTrimmed>");
        var version = project.Project.GetItems("KnownILLinkPack").Single(i => i.GetMetadataValue("TargetFramework") == "net10.0").GetMetadataValue("ILLinkPackVersion");
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var sdkTargets = Path.Combine(cache, "microsoft.net.illink.tasks", version, "build", "Microsoft.NET.ILLink.targets");
        if (!File.Exists(sdkTargets))
            Assert.Inconclusive($"{sdkTargets} is not in the package cache: publish any trimmed app once.");

        var theirs = TargetElement(sdkTargets, "_RunILLink");
        var ours = TargetElement(Path.Combine(SlimProject.BuildFolder, "Slim.ILLinkWarnings.targets"), Target);
        var task = theirs.Descendants().Single(e => e.Name.LocalName == "ILLink");
        Assert.AreEqual("$(_DotNetHostFileName)", (string?)task.Attribute("ToolExe"), "the ILLink task's host changed in ILLink " + version);
        Assert.AreEqual("$(_DotNetHostDirectory)", (string?)task.Attribute("ToolPath"), "the ILLink task's host changed in ILLink " + version);
        Assert.AreEqual(theirs.Attribute("Inputs")!.Value, ours.Attribute("Inputs")!.Value);
        StringAssert.StartsWith(ours.Attribute("Outputs")!.Value, theirs.Attribute("Outputs")!.Value + ";");
        // _RunILLink names the host itself only without DOTNET_HOST_PATH, which is when ours stays out of the way.
        var hostGroup = theirs.Elements().Single(e => e.Name.LocalName == "PropertyGroup" && e.Elements().Any(p => p.Name.LocalName == "_DotNetHostDirectory"));
        Assert.AreEqual("'$(DOTNET_HOST_PATH)' == ''", ((string?)hostGroup.Attribute("Condition"))?.Trim());
        StringAssert.Contains(ours.Attribute("Condition")!.Value, "'$(DOTNET_HOST_PATH)' != ''");
    }

    private static XElement TargetElement(string file, string name) =>
        XDocument.Load(file).Root!.Elements().Single(e => e.Name.LocalName == "Target" && (string?)e.Attribute("Name") == name);
}
