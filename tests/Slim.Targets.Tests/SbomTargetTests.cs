namespace Slim.Targets.Tests;

/// <summary>The settings the SBOM and the attribution rely on.</summary>
[TestClass]
public sealed class SbomTargetTests
{
    [TestMethod]
    public void The_aot_profile_asks_ILC_for_its_size_map_and_the_sbom_is_on()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot>");
        Assert.AreEqual("true", project["IlcGenerateMstatFile"]);
        CollectionAssert.Contains(project.SwitchesSet.ToList(), "IlcGenerateMstatFile=true");
        Assert.AreEqual("true", project["SlimSbom"]);
    }

    [TestMethod]
    public void A_project_that_turns_the_size_map_or_the_sbom_off_keeps_it_off()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot><IlcGenerateMstatFile>false</IlcGenerateMstatFile><SlimSbom>false</SlimSbom>");
        Assert.AreEqual("false", project["IlcGenerateMstatFile"]);
        Assert.IsFalse(project.SwitchesSet.Any(s => s.StartsWith("IlcGenerateMstatFile")), string.Join(";", project.SwitchesSet));
        Assert.AreEqual("false", project["SlimSbom"]);
    }

    [TestMethod]
    public void A_trimmed_publish_has_no_size_map()
    {
        using var project = new SlimProject("<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>");
        Assert.AreEqual("", project["IlcGenerateMstatFile"]);
    }

    [TestMethod]
    public void Without_an_image_the_SlimSbom_target_writes_the_sbom_beside_the_publish_folder()
    {
        using var project = new SlimProject("<SlimImage>false</SlimImage><Version>3.1.4</Version>");
        var (passed, output) = project.Run("SlimSbom");
        Assert.IsTrue(passed, output);
        StringAssert.Contains(output, "SLIM7040", "a never-restored project has no assets file");
        var sbom = Directory.EnumerateFiles(project.Folder, "App.cdx.json", SearchOption.AllDirectories).SingleOrDefault();
        Assert.IsNotNull(sbom, output);
        StringAssert.EndsWith(Path.GetDirectoryName(sbom), "slim");
        StringAssert.Contains(File.ReadAllText(sbom), "\"version\": \"3.1.4\"");
    }

    [TestMethod]
    public void With_the_image_on_the_SlimSbom_target_leaves_the_sbom_to_the_image_step()
    {
        using var project = new SlimProject("");
        var run = project.Execute("_SlimComputePaths", "SlimSbom");
        Assert.AreEqual(Microsoft.Build.Execution.TargetResultCode.Skipped, run.Targets["SlimSbom"]);
    }
}
