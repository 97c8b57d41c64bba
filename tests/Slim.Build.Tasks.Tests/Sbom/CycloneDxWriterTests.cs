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
        var system = OsRelease.Parse("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nID=debian\n");
        Assert.IsNotNull(system);
        Assert.AreEqual("debian-12", system.Distro);
        Assert.AreEqual(("debian", "12", "Debian GNU/Linux 12 (bookworm)"), (system.Id, system.VersionId, system.PrettyName));
        Assert.IsNull(OsRelease.Parse("NAME=x\n"));
    }

    private static readonly OsRelease Bookworm = new("debian", "12", "Debian GNU/Linux 12 (bookworm)");

    [TestMethod]
    public void The_image_operating_system_is_a_component_the_Debian_packages_depend_from()
    {
        using var bom = JsonDocument.Parse(CycloneDxWriter.Write(Request with { OperatingSystem = Bookworm }));
        var system = bom.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "operating-system");
        Assert.AreEqual("debian", system.GetProperty("name").GetString());
        Assert.AreEqual("12", system.GetProperty("version").GetString());
        var dependencies = bom.RootElement.GetProperty("dependencies").EnumerateArray()
            .ToDictionary(d => d.GetProperty("ref").GetString()!, d => d.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()).ToList());
        var systemRef = system.GetProperty("bom-ref").GetString()!;
        CollectionAssert.Contains(dependencies["app"], systemRef);
        CollectionAssert.AreEquivalent(new[]
        {
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12",
            "pkg:deb/debian/tzdata@1%3A2025b-0%2Bdeb12u1?arch=all&distro=debian-12",
        }, dependencies[systemRef]);
        CollectionAssert.DoesNotContain(dependencies["app"], "pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12", "the OS holds its packages");
        using var folder = new TempFolder();
        var (valid, output) = CycloneDxSchema.Validate(folder.File("os.cdx.json", CycloneDxWriter.Write(Request with { OperatingSystem = Bookworm })));
        Assert.IsTrue(valid, output);
    }

    [TestMethod]
    public void Every_dependency_entry_has_dependsOn_an_empty_list_for_a_leaf()
    {
        foreach (var request in new[] { Request, Request with { OperatingSystem = Bookworm } })
        {
            using var bom = JsonDocument.Parse(CycloneDxWriter.Write(request));
            var entries = bom.RootElement.GetProperty("dependencies").EnumerateArray().ToList();
            Assert.AreEqual(bom.RootElement.GetProperty("components").GetArrayLength() + 1, entries.Count, "one entry for the app and one per component");
            foreach (var entry in entries)
                Assert.IsTrue(entry.TryGetProperty("dependsOn", out var dependsOn) && dependsOn.ValueKind == JsonValueKind.Array, entry.ToString());
            var leaf = entries.Single(e => e.GetProperty("ref").GetString() == "pkg:nuget/Newtonsoft.Json@13.0.3");
            Assert.AreEqual(0, leaf.GetProperty("dependsOn").GetArrayLength());
        }
    }

    [TestMethod]
    public void The_app_has_a_purl_generic_unless_a_packable_project_gives_its_package_id()
    {
        using var generic = JsonDocument.Parse(CycloneDxWriter.Write(Request));
        Assert.AreEqual("pkg:generic/WebApp@1.2.3", generic.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("purl").GetString());
        Assert.AreEqual("pkg:nuget/Contoso.WebApp@1.2.3", SbomRequest.AppPackageUrl("WebApp", "1.2.3", isPackable: true, "Contoso.WebApp"));
        Assert.AreEqual("pkg:nuget/WebApp@1.2.3", SbomRequest.AppPackageUrl("WebApp", "1.2.3", isPackable: true, ""));
        Assert.AreEqual("pkg:generic/WebApp@1.2.3", SbomRequest.AppPackageUrl("WebApp", "1.2.3", isPackable: false, "Contoso.WebApp"));
        using var nuget = JsonDocument.Parse(CycloneDxWriter.Write(Request with { AppPurl = "pkg:nuget/Contoso.WebApp@1.2.3" }));
        Assert.AreEqual("pkg:nuget/Contoso.WebApp@1.2.3", nuget.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("purl").GetString());
    }

    [TestMethod]
    public void A_Debian_purl_names_its_source_package_and_its_version_when_it_differs()
    {
        Assert.AreEqual("pkg:deb/debian/libc6@2.36-9%2Bdeb12u10?arch=amd64&distro=debian-12&upstream=glibc",
            SbomComponent.Debian("libc6", "2.36-9+deb12u10", "amd64", "debian-12", "glibc").Purl);
        Assert.AreEqual("pkg:deb/debian/libblkid1@2.38.1-5%2Bb1?arch=amd64&distro=debian-12&upstream=util-linux%402.38.1-5",
            SbomComponent.Debian("libblkid1", "2.38.1-5+b1", "amd64", "debian-12", "util-linux", "2.38.1-5").Purl);
        Assert.AreEqual("pkg:deb/debian/tzdata@2025b-0%2Bdeb12u1?arch=all&distro=debian-12",
            SbomComponent.Debian("tzdata", "2025b-0+deb12u1", "all", "debian-12").Purl, "a package built from its own-named source names none");
    }

    [TestMethod]
    public void Trivy_which_reads_no_upstream_qualifier_gets_the_source_package_in_its_own_properties()
    {
        var request = Request with
        {
            Components = [SbomComponent.Debian("libc6", "2.36-9+deb12u10", "amd64", "debian-12", "glibc"), SbomComponent.Debian("libblkid1", "2.38.1-5+b1", "amd64", "debian-12", "util-linux", "2.38.1-5")],
        };
        using var bom = JsonDocument.Parse(CycloneDxWriter.Write(request));
        var properties = bom.RootElement.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!,
            c => c.GetProperty("properties").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("value").GetString()));
        Assert.AreEqual("glibc", properties["libc6"]["aquasecurity:trivy:SrcName"]);
        Assert.AreEqual("2.36-9+deb12u10", properties["libc6"]["aquasecurity:trivy:SrcVersion"]);
        Assert.AreEqual("2.38.1-5", properties["libblkid1"]["aquasecurity:trivy:SrcVersion"]);
    }

    [TestMethod]
    public void Licenses_hashes_and_not_shipped_components_are_written_as_the_schema_asks()
    {
        var sha = new string('a', 128);
        var request = Request with
        {
            Components =
            [
                SbomComponent.NuGet("Newtonsoft.Json", "13.0.3") with { LicenseExpression = "MIT", Sha512 = sha },
                SbomComponent.NuGet("Old.Package", "1.0.0") with { LicenseUrl = "https://example.org/license.html" },
                SbomComponent.NuGet("File.Package", "2.0.0") with { LicenseFile = "LICENSE.txt", NotShippedBecause = ShippedComponents.TrimmedAway },
                SbomComponent.NuGet("runtime.linux-x64.Microsoft.DotNet.ILCompiler", "10.0.12", SbomComponentKind.RuntimePack) with { NotShippedBecause = ShippedComponents.BuildTool },
            ],
        };
        using var folder = new TempFolder();
        var file = folder.File("licenses.cdx.json", CycloneDxWriter.Write(request));
        var (valid, output) = CycloneDxSchema.Validate(file);
        Assert.IsTrue(valid, output);
        using var bom = JsonDocument.Parse(File.ReadAllBytes(file));
        var byName = bom.RootElement.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        var json = byName["Newtonsoft.Json"];
        Assert.AreEqual("MIT", json.GetProperty("licenses")[0].GetProperty("expression").GetString());
        Assert.AreEqual("SHA-512", json.GetProperty("hashes")[0].GetProperty("alg").GetString());
        Assert.AreEqual(sha, json.GetProperty("hashes")[0].GetProperty("content").GetString());
        Assert.IsFalse(json.TryGetProperty("scope", out _), "a component that ships has the default scope");
        Assert.AreEqual("https://example.org/license.html", byName["Old.Package"].GetProperty("licenses")[0].GetProperty("license").GetProperty("url").GetString());
        StringAssert.Contains(byName["File.Package"].GetProperty("licenses")[0].GetProperty("license").GetProperty("name").GetString(), "LICENSE.txt");
        Assert.AreEqual("excluded", byName["File.Package"].GetProperty("scope").GetString());
        Assert.AreEqual("excluded", byName["runtime.linux-x64.Microsoft.DotNet.ILCompiler"].GetProperty("scope").GetString());
        StringAssert.Contains(byName["runtime.linux-x64.Microsoft.DotNet.ILCompiler"].ToString(), "build tool");
    }

    private static string Serial(byte[] bom) => JsonDocument.Parse(bom).RootElement.GetProperty("serialNumber").GetString()!;
}
