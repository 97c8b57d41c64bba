using System.Text;
using System.Text.Json;
using Slim.Build.Tasks.Sbom;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Sbom;

[TestClass]
public sealed class CycloneDxWriterTests
{
    private static readonly SbomRequest Request = new("WebApp", "1.2.3",
    [
        SbomComponent.NuGet("Newtonsoft.Json", "13.0.3"),
        SbomComponent.NuGet("Microsoft.NETCore.App.Runtime.linux-x64", "10.0.12", SbomComponentKind.RuntimePack),
        SbomComponent.Debian("libc6", "2.36-9+deb12u10", "amd64", "debian-12"),
        SbomComponent.Debian("tzdata", "1:2025b-0+deb12u1", "all", "debian-12"),
    ], DateTimeOffset.FromUnixTimeSeconds(1700000000), "1.0.0");

    [TestMethod]
    public void The_bom_passes_the_official_CycloneDX_1_6_schema()
    {
        using var folder = new TempFolder();
        var file = folder.File("app.cdx.json", CycloneDxWriter.Write(Request));
        var (valid, output) = CycloneDxSchema.Validate(file);
        Assert.IsTrue(valid, output);
    }

    [TestMethod]
    public void The_schema_check_rejects_a_bom_that_breaks_it()
    {
        using var folder = new TempFolder();
        var text = Encoding.UTF8.GetString(CycloneDxWriter.Write(Request)).Replace("\"type\": \"library\"", "\"type\": \"gadget\"");
        var (valid, output) = CycloneDxSchema.Validate(folder.File("bad.cdx.json", Encoding.UTF8.GetBytes(text)));
        Assert.IsFalse(valid, "a component type outside the schema's enum passed: " + output);
    }

    [TestMethod]
    public void The_same_inputs_give_the_same_bytes_and_other_inputs_another_serial_number()
    {
        var first = CycloneDxWriter.Write(Request);
        var reordered = CycloneDxWriter.Write(Request with { Components = Request.Components.Reverse().ToList() });
        CollectionAssert.AreEqual(first, reordered);
        var other = CycloneDxWriter.Write(Request with { Components = [.. Request.Components, SbomComponent.NuGet("Humanizer.Core", "2.14.1")] });
        Assert.AreNotEqual(Serial(first), Serial(other));
        StringAssert.Matches(Serial(first), new System.Text.RegularExpressions.Regex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    }

    [TestMethod]
    public void The_timestamp_is_the_image_epoch_and_the_app_is_the_metadata_component()
    {
        using var bom = JsonDocument.Parse(CycloneDxWriter.Write(Request));
        var metadata = bom.RootElement.GetProperty("metadata");
        Assert.AreEqual("2023-11-14T22:13:20Z", metadata.GetProperty("timestamp").GetString());
        Assert.AreEqual("application", metadata.GetProperty("component").GetProperty("type").GetString());
        Assert.AreEqual("WebApp", metadata.GetProperty("component").GetProperty("name").GetString());
        Assert.AreEqual("1.2.3", metadata.GetProperty("component").GetProperty("version").GetString());
        var purls = bom.RootElement.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("purl").GetString()).ToList();
        CollectionAssert.AreEqual(new[]
        {
            "pkg:nuget/Newtonsoft.Json@13.0.3",
            "pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@10.0.12",
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12",
            "pkg:deb/debian/tzdata@1%3A2025b-0%2Bdeb12u1?arch=all&distro=debian-12",
        }, purls);
    }

    [TestMethod]
    public void The_distro_comes_from_os_release()
    {
        Assert.AreEqual("debian-12", OsRelease.Distro("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n"));
        Assert.IsNull(OsRelease.Distro("NAME=x\n"));
    }

    private static string Serial(byte[] bom) => JsonDocument.Parse(bom).RootElement.GetProperty("serialNumber").GetString()!;
}
