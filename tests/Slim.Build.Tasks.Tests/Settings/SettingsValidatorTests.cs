using Slim.Build.Tasks.Settings;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.Settings;

[TestClass]
public sealed class SettingsValidatorTests
{
    private static readonly PublishSettings Aot = new("App", "aot", "safe", "error", PublishAot: true, PublishTrimmed: false,
        SelfContained: false, RuntimeIdentifier: "linux-x64", CppCompilerAndLinker: "", SlimVersion: "1.2.3");

    private static RecordingDiagnostics Validate(PublishSettings settings, Func<string, string?>? findTool = null)
    {
        var diagnostics = new RecordingDiagnostics();
        SettingsValidator.Validate(settings, diagnostics, findTool ?? (tool => "/usr/bin/" + tool));
        return diagnostics;
    }

    [TestMethod]
    public void Matching_settings_pass() => Assert.AreEqual(0, Validate(Aot).Items.Count);

    [TestMethod]
    public void Aot_without_PublishAot_is_a_mismatch_that_says_what_to_add()
    {
        var d = Validate(Aot with { PublishAot = false });
        Assert.AreEqual(SlimDiagnostics.ProfileMismatch_Aot, d.Errors.Single());
        var text = SlimTask.Strings.GetString(SlimDiagnostics.ProfileMismatch_Aot.ResourceName)!;
        StringAssert.Contains(text, "<PublishAot>true</PublishAot>");
    }

    [TestMethod]
    public void Trimmed_needs_PublishTrimmed_and_SelfContained()
    {
        Assert.AreEqual(SlimDiagnostics.ProfileMismatch_Trimmed, Validate(Aot with { Profile = "trimmed", PublishAot = false, PublishTrimmed = true }).Errors.Single());
        Assert.AreEqual(0, Validate(Aot with { Profile = "trimmed", PublishAot = false, PublishTrimmed = true, SelfContained = true }).Items.Count);
    }

    [TestMethod]
    public void Framework_gets_a_notice_pointing_at_the_smaller_profiles()
    {
        var d = Validate(Aot with { Profile = "framework", PublishAot = false });
        Assert.AreEqual(0, d.Errors.Count());
        Assert.AreEqual(SlimDiagnostics.FrameworkProfile, d.Items.Single().Diagnostic);
    }

    [TestMethod]
    [DataRow("SlimProfile", "fast")]
    [DataRow("SlimSizeLevel", "extreme")]
    [DataRow("SlimBudgetSeverity", "fatal")]
    public void Unknown_choices_are_named_and_quoted(string property, string value)
    {
        var settings = property switch
        {
            "SlimProfile" => Aot with { Profile = value },
            "SlimSizeLevel" => Aot with { SizeLevel = value },
            _ => Aot with { BudgetSeverity = value },
        };
        var error = Validate(settings).Items.First(i => i.Diagnostic == SlimDiagnostics.UnknownChoice);
        Assert.AreEqual(property, error.Args[0]);
        Assert.AreEqual(value, error.Args[1]);
    }

    [TestMethod]
    [DataRow("win-x64")]
    [DataRow("osx-arm64")]
    public void Non_linux_runtime_identifiers_are_refused(string rid) =>
        CollectionAssert.Contains(Validate(Aot with { RuntimeIdentifier = rid }).Errors.ToList(), SlimDiagnostics.UnsupportedRuntimeIdentifier);

    [TestMethod]
    public void Aot_without_a_c_toolchain_is_refused_naming_what_was_looked_for()
    {
        var d = Validate(Aot, _ => null);
        var error = d.Items.Single();
        Assert.AreEqual(SlimDiagnostics.NativeToolchainMissing, error.Diagnostic);
        Assert.AreEqual("clang, gcc", error.Args[0]);
        Assert.AreEqual(SlimDiagnostics.NativeToolchainMissing, Validate(Aot with { CppCompilerAndLinker = "my-cc" }, t => t == "gcc" ? "/usr/bin/gcc" : null).Errors.Single());
    }

    [TestMethod]
    public void Trimmed_with_PublishAot_says_PublishAot_is_the_cause_not_that_trimming_is_missing()
    {
        var d = Validate(Aot with { Profile = "trimmed", PublishTrimmed = true, SelfContained = true });
        Assert.AreEqual(SlimDiagnostics.ProfileMismatch_TrimmedButAot, d.Errors.Single());
        StringAssert.Contains(SlimTask.Strings.GetString("ProfileMismatch_TrimmedButAot")!, "sets PublishAot=true");
    }

    [TestMethod]
    public void Aot_for_another_architecture_without_clang_lld_or_llvm_objcopy_is_SLIM2005_naming_the_packages()
    {
        var other = SettingsValidator.HostRuntimeIdentifier() == "linux-x64" ? "linux-arm64" : "linux-x64";
        var noLld = Validate(Aot with { RuntimeIdentifier = other }, t => t == "ld.lld" ? null : "/usr/bin/" + t);
        var error = noLld.Items.Single();
        Assert.AreEqual("NativeCrossToolchainMissing", error.Diagnostic.ResourceName);
        Assert.AreEqual(other, error.Args[0]);
        Assert.AreEqual("ld.lld", error.Args[3], "the missing tool");
        Assert.AreEqual("lld", error.Args[4], "the Debian package to install");

        var noTools = Validate(Aot with { RuntimeIdentifier = other }, t => t == "gcc" ? "/usr/bin/gcc" : null).Items.Single();
        Assert.AreEqual("clang, ld.lld, llvm-objcopy", noTools.Args[3]);
        Assert.AreEqual("clang lld llvm", noTools.Args[4]);

        Assert.AreEqual(0, Validate(Aot with { RuntimeIdentifier = other, SysRoot = "/sysroot" }, t => t == "gcc" ? "/usr/bin/gcc" : null).Items.Count,
            "a SysRoot of the project's own means its own toolchain");
        Assert.AreEqual(0, Validate(Aot with { RuntimeIdentifier = other }).Items.Count, "clang, lld and llvm-objcopy on PATH: Slim provides the sysroot");
        Assert.AreEqual(0, Validate(Aot with { RuntimeIdentifier = SettingsValidator.HostRuntimeIdentifier() }, t => t == "clang" ? "/usr/bin/clang" : null).Items.Count,
            "the machine's own architecture needs no lld");
    }
}
