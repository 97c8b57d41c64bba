using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Tests.Container;

[TestClass]
public sealed class BaseImageChooserTests
{
    [TestMethod]
    [DataRow("aot", false, "", "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]
    [DataRow("aot", true, "Openssl,CaCertificates", "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]
    [DataRow("aot", false, "Icu", "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra")]
    [DataRow("aot", false, "Tzdata", "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra")]
    [DataRow("trimmed", true, "Openssl", "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled")]
    [DataRow("trimmed", true, "Icu,Openssl", "mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra")]
    [DataRow("framework", true, "Openssl", "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled")]
    [DataRow("framework", false, "", "mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled")]
    [DataRow("framework", false, "Icu", "mcr.microsoft.com/dotnet/runtime:10.0-noble-chiseled-extra")]
    public void The_final_base_fits_the_profile_and_the_needs(string profile, bool web, string needs, string expected)
    {
        var project = ContainerTestProjects.AotConsole with { Profile = SizeProfiles.Parse(profile), IsWebApp = web, Needs = Needs(needs) };
        Assert.AreEqual(expected, BaseImageChooser.FinalBase(project).Image);
    }

    [TestMethod]
    public void The_reason_names_each_need_and_its_evidence()
    {
        var project = ContainerTestProjects.AotConsole with { Needs = [new BaseNeed(NeedKind.Tzdata, "App.dll calls System.TimeZoneInfo.FindSystemTimeZoneById")] };
        var reason = BaseImageChooser.FinalBase(project).Reason;
        StringAssert.Contains(reason, "carries ICU and tzdata");
        StringAssert.Contains(reason, "tzdata (App.dll calls System.TimeZoneInfo.FindSystemTimeZoneById)");
    }

    [TestMethod]
    public void Unknown_needs_get_the_base_that_carries_them_all()
    {
        var choice = BaseImageChooser.FinalBase(ContainerTestProjects.AotConsole with { Needs = null });
        Assert.AreEqual("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled-extra", choice.Image);
        StringAssert.Contains(choice.Reason, "unknown");
    }

    [TestMethod]
    public void An_override_wins_and_may_pin_a_digest()
    {
        var pinned = "localhost/base@sha256:" + new string('a', 64);
        Assert.AreEqual(pinned, BaseImageChooser.FinalBase(ContainerTestProjects.AotConsole with { BaseImage = pinned }).Image);
    }

    [TestMethod]
    [DataRow("net10.0", "10.0")]
    [DataRow("net8.0-windows", "8.0")]
    public void The_channel_comes_from_the_target_framework(string framework, string channel) =>
        Assert.AreEqual(channel, BaseImageChooser.ChannelOf(framework));

    private static IReadOnlyList<BaseNeed> Needs(string kinds) =>
        kinds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => new BaseNeed(Enum.Parse<NeedKind>(k), "evidence")).ToList();
}
