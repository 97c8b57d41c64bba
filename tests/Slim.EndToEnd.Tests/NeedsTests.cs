using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// "safe" never changes what the app does: apps that ask for named cultures and look up time zones print
/// after Slim (aot, PackageReference form; trimmed, SDK form, the culture call in a referenced project)
/// exactly what the same code prints published plainly without Slim, and needs.json, the report and the
/// Dockerfile's base say what the app needs and why.
/// </summary>
[TestClass]
public sealed class NeedsTests
{
    private const string CultureProgram = """
        using System.Globalization;
        var de = CultureInfo.GetCultureInfo("de-DE");
        Console.WriteLine(string.Join("|", (1234.5).ToString("N2", de), de.DateTimeFormat.GetMonthName(3),
            Math.Sign(string.Compare("\u00e4pfel", "bananen", de, CompareOptions.None)),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo").BaseUtcOffset));
        """;

    private static string _reference = "";
    private static TestApp _aot = null!;
    private static PublishResult _aotPublish = null!;
    private static TestApp _trimmed = null!;
    private static PublishResult _trimmedPublish = null!;

    [ClassInitialize]
    public static void PublishOnce(TestContext _)
    {
        // The reference: the same code, published plainly (framework-dependent, no Slim, no trimming).
        var plain = TestApp.Console("NeedsPlain", SlimForm.None, "", "", CultureProgram);
        var plainPublish = plain.Publish();
        Assert.AreEqual(0, plainPublish.ExitCode, plainPublish.Describe());
        _reference = ProcessRunner.Run("dotnet", [Path.Combine(plainPublish.PublishDirectory, "NeedsPlain.dll")], plain.Directory).Output.Trim();
        Assert.AreEqual("1.234,50|März|-1|09:00:00", _reference, "the reference app itself misbehaves on this machine");

        _aot = TestApp.Console("NeedsAot", SlimForm.PackageReference, "<PublishAot>true</PublishAot>", "", CultureProgram);
        _aotPublish = _aot.Publish();
        Assert.AreEqual(0, _aotPublish.ExitCode, _aotPublish.Describe());

        _trimmed = TestApp.Console("NeedsTrimmed", SlimForm.SdkStandalone, "<SlimProfile>trimmed</SlimProfile>",
            """<ProjectReference Include="../NeedsCultureLib/NeedsCultureLib.csproj" />""",
            "Console.WriteLine(NeedsCultureLib.Formatter.Price(1234.5));", folder: "NeedsTrimmed/App");
        _trimmed.Write("../NeedsCultureLib/NeedsCultureLib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><IsTrimmable>true</IsTrimmable></PropertyGroup>
            </Project>
            """);
        _trimmed.Write("../NeedsCultureLib/Formatter.cs", """
            namespace NeedsCultureLib;
            public static class Formatter
            {
                public static string Price(double value) => value.ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
            }
            """);
        _trimmedPublish = _trimmed.Publish();
        Assert.AreEqual(0, _trimmedPublish.ExitCode, _trimmedPublish.Describe());
    }

    [TestMethod]
    public void An_aot_app_that_asks_for_cultures_prints_what_the_plain_publish_prints()
    {
        var run = ProcessRunner.Run(Path.Combine(_aotPublish.PublishDirectory, "NeedsAot"), [], _aotPublish.PublishDirectory);
        Assert.AreEqual(_reference, run.Output.Trim(), run.Output);
        StringAssert.Contains(_aotPublish.Output, "SLIM1017");
        StringAssert.Contains(_aotPublish.Output, "globalization kept on because NeedsAot.dll calls System.Globalization.CultureInfo.GetCultureInfo");
    }

    [TestMethod]
    public void A_trimmed_app_whose_project_reference_asks_for_a_culture_keeps_it()
    {
        var run = ProcessRunner.Run(Path.Combine(_trimmedPublish.PublishDirectory, "NeedsTrimmed"), [], _trimmedPublish.PublishDirectory);
        Assert.AreEqual(1234.5.ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")), run.Output.Trim(), run.Output);
        var runtimeConfig = File.ReadAllText(Path.Combine(_trimmedPublish.PublishDirectory, "NeedsTrimmed.runtimeconfig.json"));
        StringAssert.Contains(runtimeConfig, "\"System.Globalization.Invariant\": false");
        var icu = Need(_trimmedPublish, "icu");
        Assert.IsTrue(icu.GetProperty("needed").GetBoolean());
        StringAssert.Contains(icu.GetProperty("evidence")[0].GetProperty("source").GetString(), "NeedsCultureLib.dll");
    }

    [TestMethod]
    public void Needs_json_and_the_report_name_each_need_with_its_evidence()
    {
        var tz = Need(_aotPublish, "tzdata");
        Assert.IsTrue(tz.GetProperty("needed").GetBoolean());
        Assert.AreEqual("calls System.TimeZoneInfo.FindSystemTimeZoneById", tz.GetProperty("evidence")[0].GetProperty("detail").GetString());
        Assert.IsTrue(Need(_aotPublish, "icu").GetProperty("hostBytes").GetInt64() > 1_000_000, "ICU's size on this machine is what invariant mode would save");
        Assert.IsFalse(Need(_aotPublish, "openssl").GetProperty("needed").GetBoolean(), "a console app that makes no TLS call links no OpenSSL shim");

        var report = Files.Json(Path.Combine(_aotPublish.SlimDirectory, "report.json"));
        var libraries = report.GetProperty("needs").GetProperty("nativeLibraries").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToList();
        CollectionAssert.Contains(libraries, "libc.so.6");
        var switches = report.GetProperty("switches").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        CollectionAssert.DoesNotContain(switches, "InvariantGlobalization", "Slim did not set it: globalization stays on");
        // Withdrawing a switch once made the whole list one entry named ";EventSourceSupport" (an escaped property).
        Assert.IsTrue(switches.All(n => System.Text.RegularExpressions.Regex.IsMatch(n!, "^[A-Za-z]+$")), string.Join(" | ", switches));
        CollectionAssert.Contains(switches, "OptimizationPreference", "the aot profile's switches are each listed");
        StringAssert.Contains(File.ReadAllText(Path.Combine(_aotPublish.SlimDirectory, "report.md")), "### Run-time needs");
    }

    [TestMethod]
    public void The_dockerfile_base_carries_icu_and_tzdata_and_says_why()
    {
        var dockerfile = File.ReadAllText(Path.Combine(_aotPublish.SlimDirectory, "Dockerfile"));
        var final = dockerfile.Split('\n').Last(l => l.StartsWith("FROM "));
        StringAssert.Contains(final, "runtime-deps:10.0-noble-chiseled-extra");
        var reason = dockerfile.Split('\n').Single(l => l.StartsWith("# Base:"));
        StringAssert.Contains(reason, "tzdata (NeedsAot.dll calls System.TimeZoneInfo.FindSystemTimeZoneById)");
        StringAssert.Contains(reason, "icu (NeedsAot.dll calls System.Globalization.CultureInfo.GetCultureInfo)");
    }

    private static System.Text.Json.JsonElement Need(PublishResult publish, string kind)
    {
        var needs = Files.Json(Path.Combine(publish.SlimDirectory, "report.json")).GetProperty("needs").GetProperty("needs");
        return needs.EnumerateArray().Single(n => n.GetProperty("kind").GetString() == kind);
    }
}
