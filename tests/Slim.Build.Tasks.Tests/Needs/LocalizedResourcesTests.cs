using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Tests.Needs;

[TestClass]
public sealed class LocalizedResourcesTests
{
    [TestMethod]
    public void Satellite_resources_are_evidence_named_by_culture_and_file()
    {
        var evidence = LocalizedResources.Evidence("App", [("Strings.de.resx", "de"), ("Strings.ja.resx", "ja"), ("de/Lib.resources.dll", "de")]).Single();
        Assert.AreEqual("App", evidence.Source);
        StringAssert.StartsWith(evidence.Detail, "ships satellite resources for de, ja (Strings.de.resx, Strings.ja.resx, de/Lib.resources.dll)");
        Assert.AreEqual(0, LocalizedResources.Evidence("App", [("Strings.resx", "")]).Count, "a neutral resource is no localization");
    }

    [TestMethod]
    [DataRow("LANG", "de_DE.UTF-8", true)]
    [DataRow("LC_ALL", "ja_JP", true)]
    [DataRow("LANG", "en_US.UTF-8", true)]
    [DataRow("LANG", "C.UTF-8", false)]
    [DataRow("LANG", "POSIX", false)]
    [DataRow("LANG", "", false)]
    [DataRow("TZ", "Europe/Berlin", false)]
    public void A_locale_the_image_sets_is_evidence(string name, string value, bool evidence) =>
        Assert.AreEqual(evidence, LocalizedResources.FromEnvironment([(name, value)]).Count == 1, $"{name}={value}");
}
