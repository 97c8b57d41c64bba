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
}
