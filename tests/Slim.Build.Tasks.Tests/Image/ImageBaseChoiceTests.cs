using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Profiles;
using Slim.Build.Tasks.Tests.Image.Base;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>
/// What the image step does with the RID and ContainerBaseImage before any layer is written: no Linux RID is an
/// error, a framework app on scratch gets no image (a notice), and auto where this machine cannot make the base
/// becomes the official base, pulled from its registry (here a real docker-registry standing in for MCR).
/// </summary>
[TestClass]
public sealed class ImageBaseChoiceTests
{
    private TempFolder _temp = null!;

    [TestInitialize]
    public void CreateTemp() => _temp = new TempFolder();

    [TestCleanup]
    public void RemoveTemp() => _temp.Dispose();

    private ImageRequest Request(string runtimeIdentifier, string baseImage, SizeProfile profile = SizeProfile.Aot, string officialBase = "mcr.microsoft.com/dotnet/runtime-deps:10.0")
    {
        var publish = Path.Combine(_temp.Path, "publish");
        Directory.CreateDirectory(publish);
        var app = NativeFixtures.StaticExecutable(publish, "app", "greeter");
        var spec = new ContainerSpec(officialBase, "test", "1654", "/app", ["/app/" + Path.GetFileName(app)], [], [new NameValue("PATH", "/app")], []);
        var container = new ContainerDescription(new ContainerProject("greeter", profile, "net10.0", runtimeIdentifier, Path.GetFileName(app), false), spec);
        var needs = new RuntimeNeeds(new GlobalizationDecision(true, GlobalizationDecision.ByProject, "set", []), [], [], []);
        return new ImageRequest(container, needs, publish, new Dictionary<string, FileOrigin>(), runtimeIdentifier, baseImage, "oci", ["localhost/greeter:1"],
            null, Path.Combine(_temp.Path, "obj", "image"), Path.Combine(_temp.Path, "slim", "image.tar"), TinyImage.Epoch)
        { ProjectDirectory = _temp.Path, CacheDirectory = Path.Combine(_temp.Path, "cache") };
    }

    [TestMethod]
    [DataRow("win-x64")]
    [DataRow("osx-arm64")]
    [DataRow("")]
    public void A_publish_without_a_Linux_RID_is_SLIM4013_quoting_the_RID(string rid)
    {
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(ImageBuilder.Build(Request(rid, "scratch"), diagnostics));

        Assert.AreEqual(SlimDiagnostics.ImageNeedsLinuxRid, diagnostics.Errors.Single(), DiagnosticText.Listing(diagnostics));
        Assert.AreEqual("SLIM4013", SlimDiagnostics.ImageNeedsLinuxRid.Code);
        var message = DiagnosticText.Single(diagnostics, SlimDiagnostics.ImageNeedsLinuxRid);
        StringAssert.Contains(message, $"The image needs a Linux RuntimeIdentifier, and this publish has '{rid}'");
        StringAssert.Contains(message, "<RuntimeIdentifier>linux-x64</RuntimeIdentifier>");
        StringAssert.Contains(message, "SlimImage=false");
        Assert.IsFalse(File.Exists(Path.Combine(_temp.Path, "slim", "image.tar")));
    }

    [TestMethod]
    public void A_framework_dependent_app_on_scratch_gets_no_image_and_notice_SLIM4015_naming_the_project_and_the_base()
    {
        var diagnostics = new RecordingDiagnostics();

        Assert.IsNull(ImageBuilder.Build(Request("linux-x64", "scratch", SizeProfile.Framework), diagnostics));

        Assert.IsFalse(diagnostics.HasErrors, DiagnosticText.Listing(diagnostics));
        Assert.AreEqual("notice", diagnostics.Items.Single().Level, DiagnosticText.Listing(diagnostics));
        Assert.AreEqual("SLIM4015", diagnostics.Items.Single().Diagnostic.Code);
        StringAssert.Contains(DiagnosticText.Single(diagnostics, SlimDiagnostics.ImageFrameworkNotYet),
            "No image for greeter: it is framework-dependent and ContainerBaseImage is 'scratch', which holds no .NET runtime");
        Assert.IsFalse(File.Exists(Path.Combine(_temp.Path, "slim", "image.tar")));

        var aot = new RecordingDiagnostics();
        Assert.IsNotNull(ImageBuilder.Build(Request("linux-x64", "scratch"), aot), DiagnosticText.Listing(aot));
        Assert.AreEqual(0, aot.Items.Count, "a NativeAOT app on scratch needs no notice: " + DiagnosticText.Listing(aot));
    }

    [TestMethod]
    public void Auto_for_a_musl_RID_is_built_on_the_official_base_from_its_registry_with_notice_SLIM5016()
    {
        using var registry = new LocalRegistry();
        BaseLayouts.Folder(BaseLayouts.Image([BaseLayouts.DebianLikeLayer(_temp.Path)]), Path.Combine(_temp.Path, "official"));
        Registry.PushFixture.Skopeo("copy", "--dest-tls-verify=false", $"oci:{Path.Combine(_temp.Path, "official")}:latest",
            $"docker://{registry.Host}/dotnet/runtime-deps:10.0-alpine");
        var official = $"{registry.Host}/dotnet/runtime-deps:10.0-alpine";
        var diagnostics = new RecordingDiagnostics();

        var image = ImageBuilder.Build(Request("linux-musl-x64", "auto", officialBase: official), diagnostics);

        Assert.IsNotNull(image, DiagnosticText.Listing(diagnostics));
        Assert.AreEqual("registry", image.Base.Kind);
        Assert.AreEqual(official, image.Base.Name);
        Assert.AreEqual("SLIM5016", diagnostics.Items.Single(i => i.Level == "notice").Diagnostic.Code, DiagnosticText.Listing(diagnostics));

        var packages = new RecordingDiagnostics();
        Assert.IsNotNull(ImageBuilder.Build(Request("linux-musl-x64", "auto", officialBase: official) with { BaseSource = BaseSources.Packages }, packages), DiagnosticText.Listing(packages));
        StringAssert.Contains(DiagnosticText.Single(packages, SlimDiagnostics.AutoBaseReplacedByOfficial),
            "cannot assemble a base for a 'linux-musl-x64' app here: Debian 12 packages serve glibc Linux apps only");
        var message = DiagnosticText.Single(diagnostics, SlimDiagnostics.AutoBaseReplacedByOfficial);
        StringAssert.Contains(message, "ContainerBaseImage=auto cannot assemble a base for a 'linux-musl-x64' app here: this machine's own files cannot run it");
        StringAssert.Contains(message, $"The image is built on the official base '{official}' pulled from its registry");
    }
}
