using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Tasks;

/// <summary>ContainerRuntimeIdentifiers checked before the compile: what each platform needs must be there.</summary>
[TestClass]
public sealed class PlatformSettingsValidatorTests
{
    private static PlatformSettings Valid => new("linux-x64;linux-arm64", "", "auto", "packages", "oci", PublishAot: false, SysRoot: "", "linux-x64");

    private static RecordingDiagnostics Check(PlatformSettings settings, Func<string, string?>? findTool = null)
    {
        var diagnostics = new RecordingDiagnostics();
        PlatformSettingsValidator.Validate(settings, diagnostics, findTool ?? (_ => null));
        return diagnostics;
    }

    [TestMethod]
    public void Two_linux_platforms_on_the_package_base_pass()
    {
        Assert.AreEqual(0, Check(Valid).Items.Count);
        Assert.AreEqual(0, Check(Valid with { RuntimeIdentifier = "linux-arm64" }).Items.Count, "the project's own RID is in the list");
        Assert.AreEqual(0, Check(Valid with { RuntimeIdentifiers = " linux-x64 ; ; LINUX-X64;linux-arm64" }).Items.Count, "blanks and repeats are dropped");
    }

    [TestMethod]
    [DataRow("win-x64")]
    [DataRow("osx-arm64")]
    [DataRow("linux-sparc")]
    [DataRow("linux")]
    public void A_rid_that_is_no_linux_platform_is_SLIM1060_quoting_it(string rid)
    {
        var diagnostics = Check(Valid with { RuntimeIdentifiers = "linux-x64;" + rid });
        Assert.AreEqual(SlimDiagnostics.PlatformNotLinux, diagnostics.Items.Single().Diagnostic);
        Assert.AreEqual(rid, diagnostics.Items.Single().Args[0]);
    }

    [TestMethod]
    [DataRow("linux-riscv64", "linux/riscv64")]
    [DataRow("linux-loongarch64", "linux/loong64")]
    public void A_platform_Debian_has_no_port_for_is_SLIM1064_on_the_package_base_and_not_on_a_base_of_the_projects(string rid, string platform)
    {
        var diagnostics = Check(Valid with { RuntimeIdentifiers = "linux-x64;" + rid });
        Assert.AreEqual(SlimDiagnostics.PlatformHasNoDebianPort, diagnostics.Items.Single().Diagnostic);
        CollectionAssert.AreEqual(new object[] { rid, "12", platform }, diagnostics.Items.Single().Args);
        Assert.AreEqual(0, Check(Valid with { RuntimeIdentifiers = "linux-x64;" + rid, BaseImage = "registry.example/base:1" }).Items.Count);
        Assert.AreEqual(0, Check(Valid with { RuntimeIdentifiers = "linux-x64;linux-arm;linux-s390x;linux-ppc64le" }).Items.Count, "Debian has these ports");
    }

    [TestMethod]
    public void A_runtime_identifier_the_list_lacks_is_SLIM1061()
    {
        var diagnostics = Check(Valid with { RuntimeIdentifier = "linux-musl-x64" });
        Assert.AreEqual(SlimDiagnostics.PlatformListDisagrees, diagnostics.Items.Single().Diagnostic);
        CollectionAssert.AreEqual(new object[] { "linux-musl-x64", "linux-x64;linux-arm64" }, diagnostics.Items.Single().Args);
    }

    [TestMethod]
    public void The_host_base_for_another_architecture_is_SLIM1062_but_a_layout_base_or_the_host_architecture_is_not()
    {
        var diagnostics = Check(Valid with { BaseSource = "" });
        Assert.AreEqual(SlimDiagnostics.PlatformNeedsPackageBase, diagnostics.Items.Single().Diagnostic);
        CollectionAssert.AreEqual(new object[] { "linux-arm64", "host", "linux-x64", "arm64" }, diagnostics.Items.Single().Args);
        Assert.AreEqual(SlimDiagnostics.PlatformNeedsPackageBase, Check(Valid with { BaseSource = "Host" }).Items.Single().Diagnostic);
        Assert.AreEqual(0, Check(Valid with { BaseSource = "host", BaseImage = "base-layout/" }).Items.Count);
        Assert.AreEqual(0, Check(Valid with { BaseSource = "host", RuntimeIdentifiers = "linux-x64" }).Items.Count);
    }

    [TestMethod]
    public void A_docker_archive_for_several_platforms_is_SLIM1063_but_for_one_it_is_fine()
    {
        Assert.AreEqual(SlimDiagnostics.PlatformIndexNeedsOci, Check(Valid with { ImageFormat = "Docker" }).Items.Single().Diagnostic);
        Assert.AreEqual(0, Check(Valid with { ImageFormat = "docker", RuntimeIdentifiers = "linux-arm64" }).Items.Count);
    }

    [TestMethod]
    public void NativeAot_for_a_foreign_rid_without_clang_or_lld_is_SLIM2005_before_the_host_compile()
    {
        var aot = Valid with { PublishAot = true };
        if (Slim.Build.Tasks.Settings.SettingsValidator.HostRuntimeIdentifier() != "linux-x64")
            Assert.Inconclusive("the foreign RID below is chosen for an x64 machine");
        var diagnostics = Check(aot, tool => tool == "clang" ? "/usr/bin/clang" : null);
        Assert.AreEqual(SlimDiagnostics.NativeCrossToolchainMissing, diagnostics.Items.Single().Diagnostic);
        Assert.AreEqual("linux-arm64", diagnostics.Items.Single().Args[0]);
        Assert.AreEqual("lld llvm", diagnostics.Items.Single().Args[4]);
        Assert.AreEqual(0, Check(aot with { SysRoot = "/sysroot" }).Items.Count);
        Assert.AreEqual(0, Check(aot, tool => "/usr/bin/" + tool).Items.Count, "clang, ld.lld and llvm-objcopy: Slim provides the sysroot");
    }
}
