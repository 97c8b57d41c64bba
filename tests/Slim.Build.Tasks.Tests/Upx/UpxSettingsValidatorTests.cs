using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Upx;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Tests.Upx;

[TestClass]
public sealed class UpxSettingsValidatorTests
{
    private static RecordingDiagnostics Validate(string upx, string path = "upx", string args = "--best --lzma", string profile = "aot",
        bool includes = false, Func<string, string?>? find = null, string[]? rids = null)
    {
        var diagnostics = new RecordingDiagnostics();
        UpxSettingsValidator.Validate(new UpxSettings("App", upx, path, args, SizeProfiles.Parse(profile), includes, rids), diagnostics, find ?? (_ => "/usr/bin/upx"));
        return diagnostics;
    }

    [TestMethod]
    public void Off_checks_nothing_else()
    {
        Assert.AreEqual(0, Validate("false", find: _ => null).Items.Count);
    }

    [TestMethod]
    public void A_missing_upx_is_an_error_naming_the_setting()
    {
        var d = Validate("true", path: "upx", find: _ => null);
        var error = d.Items.Single();
        Assert.AreEqual(("error", SlimDiagnostics.UpxMissing), (error.Level, error.Diagnostic));
        Assert.AreEqual("upx", error.Args[0]);
        StringAssert.Contains((string)error.Args[1], "PATH");

        StringAssert.Contains((string)Validate("true", path: "/opt/upx", find: _ => null).Items.Single().Args[1], "does not exist");
    }

    [TestMethod]
    public void A_platform_UPX_packs_no_program_for_is_SLIM1023_naming_the_rid()
    {
        Assert.AreEqual(0, Validate("true", rids: ["", "linux-x64", "linux-arm64", "linux-musl-arm64", "linux-arm"]).Items.Count);

        var errors = Validate("true", rids: ["linux-x64", "linux-s390x", "linux-riscv64", "linux-s390x"]).Items;

        CollectionAssert.AreEqual(new[] { "linux-s390x", "linux-riscv64" }, errors.Select(e => (string)e.Args[0]).ToArray());
        Assert.IsTrue(errors.All(e => e.Level == "error" && e.Diagnostic == SlimDiagnostics.UpxPlatformUnsupported));
        Assert.AreEqual(0, Validate("false", rids: ["linux-s390x"]).Items.Count, "off checks nothing");
    }

    [TestMethod]
    public void The_packed_processors_are_the_linux_elf_formats_the_installed_upx_lists()
    {
        var help = new Slim.Build.Tasks.IO.ToolRunner().Run("upx", ["--help"]);
        var formats = System.Text.RegularExpressions.Regex.Matches(help.Output, @"^\s+(\S+)-linux\.elf\s+linux/", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToHashSet();
        var asRids = formats.Select(f => f switch { "amd64" => "x64", "i386" => "x86", "powerpc64le" => "ppc64le", _ => f }).ToHashSet();

        foreach (var architecture in UpxPlatforms.PackedArchitectures)
            Assert.IsTrue(asRids.Contains(architecture), $"upx --help lists no linux/elf format for {architecture}: {string.Join(", ", formats)}");
        foreach (var architecture in new[] { "s390x", "riscv64", "loongarch64" })
            Assert.IsFalse(asRids.Contains(architecture), $"upx now packs {architecture}: add it to UpxPlatforms");
    }

    [TestMethod]
    public void Not_true_or_false_is_refused()
    {
        var error = Validate("yes").Items.Single();
        Assert.AreEqual(SlimDiagnostics.UnknownChoice, error.Diagnostic);
        CollectionAssert.AreEqual(new object[] { "SlimUpx", "yes", "true, false" }, error.Args);
    }

    [TestMethod]
    [DataRow("--best -o out", "-o")]
    [DataRow("-oout", "-oout")]
    [DataRow("--output=x --best", "--output=x")]
    [DataRow("-t", "-t")]
    [DataRow("--best -d", "-d")]
    [DataRow("-k", "-k")]
    public void Args_that_take_over_the_output_or_the_mode_are_refused(string args, string option)
    {
        var error = Validate("true", args: args).Items.Single();
        Assert.AreEqual(SlimDiagnostics.UpxArgsReserved, error.Diagnostic);
        Assert.AreEqual(option, error.Args[1]);
    }

    [TestMethod]
    [DataRow("--best --lzma")]
    [DataRow("-9 --ultra-brute")]
    [DataRow("--best --overlay=strip")]
    public void Packing_options_pass(string args) => Assert.AreEqual(0, Validate("true", args: args).Items.Count);

    [TestMethod]
    public void A_non_aot_profile_with_nothing_named_warns_that_nothing_is_packed()
    {
        Assert.AreEqual(SlimDiagnostics.UpxNothingToPack, Validate("true", profile: "trimmed").Warnings.Single());
        Assert.AreEqual(0, Validate("true", profile: "trimmed", includes: true).Items.Count);
    }
}
