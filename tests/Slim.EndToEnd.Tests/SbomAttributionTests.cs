using System.Text.Json;
using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// One NativeAOT web app that uses Humanizer.Core and Newtonsoft.Json and references Newtonsoft.Json.Bson without
/// using it, published once (and again, unchanged): the CycloneDX SBOM in the image and beside it, the report's
/// attribution of the executable by assembly and package from ILC's size map, and ILC's warnings for Newtonsoft.Json
/// logged as without Slim (the report names the gate that fails on them); published once more with the smoke run, the service's
/// image runs as its user, answers its health path and stops cleanly on SIGTERM.
/// </summary>
[TestClass]
public sealed class SbomAttributionTests
{
    private const string Program = """
        using Humanizer;
        var builder = WebApplication.CreateSlimBuilder(args);
        var app = builder.Build();
        app.MapGet("/", () => "Hello " + 3.ToWords() + Newtonsoft.Json.JsonConvert.SerializeObject(3));
        app.MapGet("/healthz", () => "ok");
        app.Run();
        """;

    private static TestApp _app = null!;
    private static PublishResult _first = null!;
    private static PublishResult _publish = null!;
    private static byte[] _firstSbom = [];
    private static string _firstDigest = "";
    private static string SbomFile => Path.Combine(_publish.SlimDirectory, "SbomApp.cdx.json");
    private static JsonElement Report => Files.Json(Path.Combine(_publish.SlimDirectory, "report.json"));

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        // TestApp turns the plain publish off: its own ILC run would blur "ILC compiles once".
        _app = TestApp.Web("SbomApp", SlimForm.PackageReference, "<PublishAot>true</PublishAot>",
            """<PackageReference Include="Humanizer.Core" Version="2.14.1" /><PackageReference Include="Newtonsoft.Json" Version="13.0.3" /><PackageReference Include="Newtonsoft.Json.Bson" Version="1.0.2" />""");
        _app.Write("Program.cs", Program);
        var first = _first = _app.Publish();
        Assert.AreEqual(0, first.ExitCode, first.Describe());
        _firstSbom = File.ReadAllBytes(Path.Combine(first.SlimDirectory, "SbomApp.cdx.json"));
        _firstDigest = Report_(first).GetProperty("image").GetProperty("digest").GetString()!;
        _publish = _app.Publish();
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
    }

    private static JsonElement Report_(PublishResult publish) => Files.Json(Path.Combine(publish.SlimDirectory, "report.json"));

    [TestMethod]
    public void The_sbom_beside_the_image_passes_the_CycloneDX_schema_and_lists_packages_packs_and_debs()
    {
        var (valid, output) = CycloneDxSchema.Validate(SbomFile);
        Assert.IsTrue(valid, output);
        var bom = Files.Json(SbomFile);
        Assert.AreEqual("CycloneDX", bom.GetProperty("bomFormat").GetString());
        Assert.AreEqual("1.6", bom.GetProperty("specVersion").GetString());
        Assert.AreEqual("SbomApp", bom.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());
        var components = bom.GetProperty("components").EnumerateArray().ToList();
        var purls = components.Where(c => c.TryGetProperty("purl", out _)).Select(c => c.GetProperty("purl").GetString()!).ToList();
        var all = string.Join("\n", purls);
        CollectionAssert.Contains(purls, "pkg:nuget/Humanizer.Core@2.14.1", all);
        // ILC compiled ASP.NET Core's assemblies into the executable: that pack ships; the JIT runtime pack does not.
        Assert.IsTrue(purls.Any(p => p.StartsWith("pkg:nuget/Microsoft.AspNetCore.App.Runtime.linux-x64@", StringComparison.Ordinal)), all);
        Assert.IsFalse(purls.Any(p => p.StartsWith("pkg:nuget/Microsoft.NETCore.App.Runtime.linux-x64@", StringComparison.Ordinal)), all);
        Assert.IsTrue(purls.Any(p => p.StartsWith("pkg:nuget/runtime.linux-x64.Microsoft.DotNet.ILCompiler@", StringComparison.Ordinal)), all);
        Assert.IsTrue(purls.Any(p => p.StartsWith("pkg:deb/debian/libc6@", StringComparison.Ordinal) && p.Contains("arch=amd64") && p.Contains("distro=debian-") && p.Contains("upstream=glibc")), all);
        Assert.AreEqual(1, components.Count(c => c.GetProperty("type").GetString() == "operating-system"), "scanners keep the Debian packages only beside an operating system");
    }

    [TestMethod]
    public void Packages_carry_license_and_hash_from_the_NuGet_cache_and_what_does_not_ship_is_scope_excluded()
    {
        var components = Files.Json(SbomFile).GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        var humanizer = components["Humanizer.Core"];
        Assert.AreEqual("MIT", humanizer.GetProperty("licenses")[0].GetProperty("expression").GetString());
        // Independent of the .sha512 file Slim reads: the hash of the .nupkg restore left in the run's package cache.
        var nupkg = Path.Combine(SlimFeed.PackagesCache, "humanizer.core", "2.14.1", "humanizer.core.2.14.1.nupkg");
        var hash = humanizer.GetProperty("hashes")[0];
        Assert.AreEqual("SHA-512", hash.GetProperty("alg").GetString());
        Assert.AreEqual(Convert.ToHexString(System.Security.Cryptography.SHA512.HashData(File.ReadAllBytes(nupkg))).ToLowerInvariant(), hash.GetProperty("content").GetString(), nupkg);
        Assert.IsFalse(humanizer.TryGetProperty("scope", out _), "Humanizer is compiled into the executable");
        Assert.AreEqual("excluded", components["Newtonsoft.Json.Bson"].GetProperty("scope").GetString(), "referenced but trimmed away: not in the image");
        Assert.AreEqual("excluded", components["runtime.linux-x64.Microsoft.DotNet.ILCompiler"].GetProperty("scope").GetString());
    }

    [TestMethod]
    public void The_image_carries_the_same_sbom_beside_the_app()
    {
        var unpacked = Path.Combine(_app.Directory, "unpacked");
        Directory.CreateDirectory(unpacked);
        Assert.AreEqual(0, ProcessRunner.Run("tar", ["-xf", Path.Combine(_publish.SlimDirectory, "image.tar"), "-C", unpacked], unpacked).ExitCode);
        var found = new List<byte[]>();
        foreach (var blob in Directory.EnumerateFiles(Path.Combine(unpacked, "blobs", "sha256")))
        {
            var list = ProcessRunner.Run("tar", ["-tzf", blob], unpacked);
            if (list.ExitCode != 0 || !list.Output.Split('\n').Any(l => l.Trim() == "app/SbomApp.cdx.json"))
                continue;
            var into = Path.Combine(unpacked, "layer-" + Path.GetFileName(blob)[..12]);
            Directory.CreateDirectory(into);
            Assert.AreEqual(0, ProcessRunner.Run("tar", ["-xzf", blob, "-C", into, "app/SbomApp.cdx.json"], unpacked).ExitCode);
            found.Add(File.ReadAllBytes(Path.Combine(into, "app", "SbomApp.cdx.json")));
        }
        Assert.AreEqual(1, found.Count, "one layer should carry /app/SbomApp.cdx.json");
        CollectionAssert.AreEqual(File.ReadAllBytes(SbomFile), found[0], "the image's SBOM differs from slim/SbomApp.cdx.json");
    }

    [TestMethod]
    public void Two_publishes_give_the_same_sbom_bytes_and_image_digest()
    {
        CollectionAssert.AreEqual(_firstSbom, File.ReadAllBytes(SbomFile));
        Assert.AreEqual(_firstDigest, Report.GetProperty("image").GetProperty("digest").GetString());
    }

    [TestMethod]
    public void The_executable_is_split_by_assembly_with_CoreLib_largest_and_Humanizer_named_by_its_package()
    {
        var executable = Report.GetProperty("attribution").GetProperty("executable");
        var bytes = executable.GetProperty("bytes").GetInt64();
        var assemblies = executable.GetProperty("assemblies").EnumerateArray().ToList();
        var largest = assemblies[0];
        Assert.AreEqual("System.Private.CoreLib", largest.GetProperty("assembly").GetString(), "the largest share of an AOT executable is CoreLib's");
        Assert.AreEqual("runtime-pack", largest.GetProperty("kind").GetString());
        // Measured: CoreLib 3.6 MB of a 10.7 MB executable (the native runtime and ILC's data make most of the rest).
        Assert.IsTrue(largest.GetProperty("bytes").GetInt64() > bytes / 5, $"CoreLib {largest.GetProperty("bytes").GetInt64()} of {bytes}");
        var humanizer = assemblies.Single(a => a.GetProperty("assembly").GetString() == "Humanizer");
        Assert.AreEqual("nuget-package", humanizer.GetProperty("kind").GetString());
        Assert.AreEqual("Humanizer.Core", humanizer.GetProperty("name").GetString());
        Assert.AreEqual("2.14.1", humanizer.GetProperty("version").GetString());
        Assert.AreEqual(bytes, assemblies.Sum(a => a.GetProperty("bytes").GetInt64()) + executable.GetProperty("nativeBytes").GetInt64());
    }

    [TestMethod]
    public void A_package_referenced_but_unused_is_named_as_trimmed_away()
    {
        var trimmed = Report.GetProperty("attribution").GetProperty("trimmedAway").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        CollectionAssert.Contains(trimmed, "Newtonsoft.Json.Bson");
        CollectionAssert.DoesNotContain(trimmed, "Humanizer.Core");
        CollectionAssert.DoesNotContain(trimmed, "Newtonsoft.Json");
        StringAssert.Contains(File.ReadAllText(Path.Combine(_publish.SlimDirectory, "report.md")), "trimmed away entirely (candidates to remove): Newtonsoft.Json.Bson 1.0.2");
    }

    [TestMethod]
    public void ILC_compiles_once_as_the_SDK_runs_it_and_the_report_says_its_warnings_are_in_the_build_log_with_the_gate_that_fails_on_them()
    {
        // The SDK's own IlcCompile runs, once, printing ILC's warnings as ever; an unchanged publish compiles nothing.
        Assert.AreEqual(1, System.Text.RegularExpressions.Regex.Matches(_first.Output, "Generating native code").Count, _first.Output);
        StringAssert.Matches(_first.Output, new System.Text.RegularExpressions.Regex(@"Newtonsoft\.Json\.dll ?: warning IL2104"), _first.Output);
        Assert.AreEqual(0, System.Text.RegularExpressions.Regex.Matches(_publish.Output, "Generating native code").Count, "an unchanged publish compiles nothing");

        var warnings = Report.GetProperty("analysisWarnings");
        StringAssert.Contains(warnings.GetProperty("source").GetString(), "ILC's warnings are in the build log only");
        Assert.AreEqual(warnings.GetProperty("items").GetArrayLength(), warnings.GetProperty("count").GetInt32());
        var check = Report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "SLIM7016");
        StringAssert.Contains(check.ToString(), "SlimAnalysisWarningsAsErrors=true", "the checklist names the gate for the warnings it cannot count");
    }

    [TestMethod]
    public void Every_byte_of_the_publish_folder_and_the_image_has_an_origin()
    {
        var report = Report;
        var publish = report.GetProperty("attribution").GetProperty("publish").EnumerateArray().ToList();
        Assert.AreEqual(report.GetProperty("totals").GetProperty("publishBytes").GetInt64(), publish.Sum(o => o.GetProperty("bytes").GetInt64()));
        Assert.IsTrue(publish.Any(o => o.GetProperty("name").GetString() == "Microsoft.AspNetCore.App.Runtime.linux-x64"), "no bytes from the ASP.NET Core runtime pack");
        var image = report.GetProperty("attribution").GetProperty("image").EnumerateArray().ToList();
        var names = image.Select(o => o.GetProperty("kind").GetString() + ":" + o.GetProperty("name").GetString()).ToList();
        CollectionAssert.Contains(names, "base-package:libc6", string.Join(", ", names));
        CollectionAssert.Contains(names, "sbom:sbom", string.Join(", ", names));
        CollectionAssert.Contains(names, "nuget-package:Humanizer.Core", string.Join(", ", names));
        Assert.IsTrue(image.Sum(o => o.GetProperty("bytes").GetInt64()) > report.GetProperty("totals").GetProperty("publishBytes").GetInt64(),
            "the image holds the publish folder and a base");
    }

    [TestMethod]
    [TestCategory("Container")]
    public void The_smoke_run_finds_the_service_up_as_its_user_on_its_health_path_and_stopping_with_0_on_SIGTERM()
    {
        Podman.RequireOrSkip();
        // Nothing is compiled again: the image of the shared publish is loaded and run.
        var smoke = _app.Republish([.. Podman.SmokeRunProperties(), "-p:SlimHealthPath=/healthz"]);
        Assert.AreEqual(0, smoke.ExitCode, smoke.Describe());
        var checks = Report_(smoke).GetProperty("checks").EnumerateArray().ToList();
        JsonElement Check(string name) => checks.Single(c => c.GetProperty("name").GetString() == name);

        var up = Check("smoke-service-up");
        Assert.AreEqual("pass", up.GetProperty("status").GetString(), up.ToString());
        var upEvidence = up.GetProperty("evidence").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.IsTrue(upEvidence.Any(e => System.Text.RegularExpressions.Regex.IsMatch(e, @"^GET http://127\.0\.0\.1:\d+/healthz: 200$")), string.Join("\n", upEvidence));
        Assert.IsTrue(upEvidence.Any(e => e is "process user: app" or "process user: 1654"), "the service runs as the image's non-root user: " + string.Join("\n", upEvidence));

        var stop = Check("smoke-service-stop");
        Assert.AreEqual("pass", stop.GetProperty("status").GetString(), stop.ToString());
        var stopped = System.Text.RegularExpressions.Regex.Match(stop.GetProperty("evidence")[0].GetString()!, @"^exit code 0 (?<s>[\d.]+) s after SIGTERM");
        Assert.IsTrue(stopped.Success, stop.ToString());
        Assert.IsTrue(double.Parse(stopped.Groups["s"].Value, System.Globalization.CultureInfo.InvariantCulture) < 10, stop.ToString());
        Assert.IsFalse(smoke.Output.Contains("warning SLIM702", StringComparison.Ordinal), smoke.Output);
    }
}
