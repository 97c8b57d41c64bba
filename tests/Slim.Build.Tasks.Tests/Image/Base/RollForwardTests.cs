using Slim.Build.Tasks.Image.Base;

namespace Slim.Build.Tasks.Tests.Image.Base;

/// <summary>The version the .NET host would run an app on, among the installed ones, for each rollForward policy.</summary>
[TestClass]
public sealed class RollForwardTests
{
    [TestMethod]
    [DataRow("10.0.0", "10.0.3,10.0.12,10.1.0,11.0.0", "Minor", true, "10.0.12", DisplayName = "Minor: the latest patch of the asked minor")]
    [DataRow("10.0.0", "9.0.5,10.1.2,10.1.4,10.2.0", "Minor", true, "10.1.4", DisplayName = "Minor: the lowest higher minor, at its latest patch")]
    [DataRow("10.0.5", "10.0.3,11.0.0", "Minor", true, null, DisplayName = "Minor: never below the reference, never another major")]
    [DataRow("10.0.0", "10.0.3,10.0.12", "Minor", false, "10.0.3", DisplayName = "applyPatches=false: the lowest patch that fits")]
    [DataRow("10.0.0", "10.1.0", "LatestPatch", true, null, DisplayName = "LatestPatch: the same minor only")]
    [DataRow("10.0.0", "11.0.2,11.1.0,12.0.0", "Major", true, "11.0.2", DisplayName = "Major: the lowest higher major and minor")]
    [DataRow("10.0.0", "10.0.1,11.0.0", "Major", true, "10.0.1", DisplayName = "Major: the asked major when it is there")]
    [DataRow("10.0.0", "10.0.1,10.3.1,11.0.0", "LatestMinor", true, "10.3.1", DisplayName = "LatestMinor")]
    [DataRow("10.0.0", "10.0.1,10.3.1,11.0.0", "LatestMajor", true, "11.0.0", DisplayName = "LatestMajor")]
    [DataRow("10.0.0", "10.0.1", "Disable", true, null, DisplayName = "Disable: the exact version only")]
    [DataRow("10.0.1", "10.0.1,10.0.2", "Disable", true, "10.0.1", DisplayName = "Disable: exact")]
    [DataRow("10.0.0", "10.0.2,10.0.3-rc.1.25", "Minor", true, "10.0.2", DisplayName = "a release reference prefers releases")]
    [DataRow("10.0.0", "10.1.0-rc.2.25502.107", "Minor", true, "10.1.0-rc.2.25502.107", DisplayName = "pre-releases when no release fits")]
    [DataRow("10.0.0-rc.1.1", "10.0.0-rc.2.3,10.0.0-rc.10.1", "LatestPatch", true, "10.0.0-rc.10.1", DisplayName = "pre-release parts compare as numbers")]
    public void Picks_what_the_host_would(string reference, string installed, string policy, bool applyPatches, string? expected)
    {
        var versions = installed.Split(',').Select(v => FrameworkVersion.TryParse(v)!).ToList();
        var picked = RollForward.Select(FrameworkVersion.TryParse(reference)!, versions, RollForward.ParsePolicy(policy)!.Value, applyPatches);
        Assert.AreEqual(expected, picked?.ToString());
    }

    [TestMethod]
    public void Reads_the_frameworks_and_their_policies_from_a_runtimeconfig()
    {
        var references = FrameworkReference.Read("""
            {
              "runtimeOptions": {
                "tfm": "net10.0",
                "rollForward": "latestMinor",
                "frameworks": [
                  { "name": "Microsoft.NETCore.App", "version": "10.0.0" },
                  { "name": "Microsoft.AspNetCore.App", "version": "10.0.1", "rollForward": "Disable", "applyPatches": false }
                ]
              }
            }
            """);
        Assert.AreEqual(2, references.Count);
        Assert.AreEqual(new FrameworkReference("Microsoft.NETCore.App", FrameworkVersion.TryParse("10.0.0")!, RollForwardPolicy.LatestMinor, true), references[0]);
        Assert.AreEqual(new FrameworkReference("Microsoft.AspNetCore.App", FrameworkVersion.TryParse("10.0.1")!, RollForwardPolicy.Disable, false), references[1]);

        var legacy = FrameworkReference.Read("""{ "runtimeOptions": { "rollForwardOnNoCandidateFx": 2, "framework": { "name": "Microsoft.NETCore.App", "version": "8.0.0" } } }""");
        Assert.AreEqual(RollForwardPolicy.Major, legacy.Single().RollForward);
        var plain = FrameworkReference.Read("""{ "runtimeOptions": { "framework": { "name": "Microsoft.NETCore.App", "version": "8.0.0" } } }""");
        Assert.AreEqual(RollForwardPolicy.Minor, plain.Single().RollForward, "the host's default");
        Assert.AreEqual(0, FrameworkReference.Read("""{ "runtimeOptions": { "includedFrameworks": [] } }""").Count, "self-contained");
        Assert.ThrowsExactly<FormatException>(() => FrameworkReference.Read("""{ "runtimeOptions": { "rollForward": "Sideways", "framework": { "name": "A", "version": "1.0.0" } } }"""));
    }
}
