using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>ContainerRuntimeIdentifiers that Slim cannot build fails before the compile, naming each value and the fix.</summary>
[TestClass]
public sealed class MultiArchSettingsTests
{
    [TestMethod]
    public void A_non_linux_rid_a_host_base_for_arm64_and_a_rid_outside_the_list_fail_before_the_compile()
    {
        var app = TestApp.Console("BadPlatforms", SlimForm.PackageReference, "<SlimProfile>framework</SlimProfile>");

        var result = app.Publish("-p:ContainerRuntimeIdentifiers=linux-x64%3Bwin-x64%3Blinux-arm64", "-p:SlimBaseSource=host", "-r", "linux-musl-x64");

        Assert.AreNotEqual(0, result.ExitCode, result.Describe());
        StringAssert.Contains(result.Output, "error SLIM1060: ContainerRuntimeIdentifiers lists 'win-x64'");
        StringAssert.Contains(result.Output, "error SLIM1061: RuntimeIdentifier is 'linux-musl-x64'");
        StringAssert.Contains(result.Output, "error SLIM1062: ContainerRuntimeIdentifiers lists 'linux-arm64', but SlimBaseSource is 'host'");
        var compiled = Directory.Exists(Path.Combine(app.Directory, "obj"))
            ? Directory.EnumerateFiles(Path.Combine(app.Directory, "obj"), "BadPlatforms.dll", SearchOption.AllDirectories).ToList() : [];
        Assert.AreEqual(0, compiled.Count, "the app was compiled before the settings were checked: " + string.Join(", ", compiled));
    }
}
