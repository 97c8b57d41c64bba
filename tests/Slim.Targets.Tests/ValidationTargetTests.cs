namespace Slim.Targets.Tests;

/// <summary>SlimValidateSettings run as a target, with the built task assembly.</summary>
[TestClass]
public sealed class ValidationTargetTests
{
    [TestMethod]
    public void Matching_settings_pass()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot><SlimMaxPublishSize>16MB</SlimMaxPublishSize>");
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsTrue(passed, output);
    }

    [TestMethod]
    public void A_profile_the_project_does_not_match_fails_with_SLIM1002()
    {
        using var project = new SlimProject("<SlimProfile>trimmed</SlimProfile>");
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsFalse(passed);
        StringAssert.Contains(output, "error SLIM1002: SlimProfile is 'trimmed'");
        StringAssert.Contains(output, "<PublishTrimmed>true</PublishTrimmed>");
    }

    [TestMethod]
    public void Budget_items_are_validated_with_the_item_named()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot></PropertyGroup><ItemGroup><SlimBudget Include=\"**/*.so\" Max=\"2XB\" /></ItemGroup><PropertyGroup>");
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsFalse(passed);
        StringAssert.Contains(output, "error SLIM1001: SlimBudget '**/*.so' Max is '2XB'");
    }

    [TestMethod]
    [DataRow("<SlimImageFormat>bogus</SlimImageFormat>", "error SLIM1003: SlimImageFormat")]
    [DataRow("<ContainerImageTag>bad:tag</ContainerImageTag>", "error SLIM4016")]
    [DataRow("<ContainerRepository>Not Valid</ContainerRepository>", "error SLIM4016")]
    [DataRow("<ContainerRegistry>http://registry/x</ContainerRegistry>", "error SLIM5015")]
    [DataRow("<ContainerRegistry>localhost:5000</ContainerRegistry><SlimPushTimeout>soon</SlimPushTimeout>", "error SLIM1040")]
    [DataRow("<SlimLockTimeout>-5</SlimLockTimeout>", "error SLIM1040: SlimLockTimeout is '-5'")]
    [DataRow("<SlimBaseSource>apt</SlimBaseSource>", "error SLIM1003: SlimBaseSource is 'apt'")]
    [DataRow("<SlimPackageMirror>deb.example/debian</SlimPackageMirror>", "error SLIM1042: SlimPackageMirror is 'deb.example/debian'")]
    [DataRow("<SOURCE_DATE_EPOCH>abc</SOURCE_DATE_EPOCH>", "error SLIM1041: SOURCE_DATE_EPOCH is 'abc'")]
    [DataRow("<SOURCE_DATE_EPOCH>-5</SOURCE_DATE_EPOCH>", "error SLIM1041: SOURCE_DATE_EPOCH is '-5'")]
    [DataRow("<SOURCE_DATE_EPOCH>99999999999</SOURCE_DATE_EPOCH>", "error SLIM1041: SOURCE_DATE_EPOCH is '99999999999'")]
    [DataRow("<ContainerImageTags>;</ContainerImageTags>", "error SLIM4016: ContainerImageTags is ';', which names no tag")]
    [DataRow("<SlimMaxWastedBytes>abc</SlimMaxWastedBytes>", "error SLIM1001")]
    [DataRow("<SlimChecksAsErrors>SLIM99999</SlimChecksAsErrors>", "error SLIM7030")]
    public void Every_image_and_checklist_setting_family_is_checked_by_the_one_validation_step(string setting, string error)
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot>" + setting);
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsFalse(passed, output);
        StringAssert.Contains(output, error);
    }

    [TestMethod]
    [DataRow("Mÿ App", "m-app")]
    [DataRow("My.App_2", "my.app_2")]
    [DataRow("--Ünïcödé--", "n-c-d")]
    [DataRow("ÿ", "app")]
    public void A_project_name_that_is_no_image_name_gives_a_valid_default_repository(string name, string repository)
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot>", name: name);
        Assert.AreEqual(repository, project["ContainerRepository"]);
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsTrue(passed, output);
        Assert.IsFalse(output.Contains("SLIM4016"), output);
    }

    [TestMethod]
    public void A_valid_SOURCE_DATE_EPOCH_and_tag_list_pass_the_validation_step()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot><SOURCE_DATE_EPOCH> 1700000000 </SOURCE_DATE_EPOCH><ContainerImageTags>1.0;latest;</ContainerImageTags>");
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsTrue(passed, output);
        Assert.IsFalse(output.Contains("SLIM1041") || output.Contains("SLIM4016"), output);
    }

    [TestMethod]
    public void A_publish_that_builds_validates_before_the_build_and_a_plain_build_does_not()
    {
        using var publishing = new SlimProject("<PublishAot>true</PublishAot><SlimImageFormat>bogus</SlimImageFormat><_IsPublishing>true</_IsPublishing>");
        var run = publishing.Execute("BeforeBuild");
        Assert.IsFalse(run.Passed, "the bad setting fails at BeforeBuild, before any compile\n" + run.Output);
        StringAssert.Contains(run.Output, "error SLIM1003");

        using var upx = new SlimProject("<PublishAot>true</PublishAot><SlimUpx>maybe</SlimUpx><_IsPublishing>true</_IsPublishing>");
        var upxRun = upx.Execute("BeforeBuild");
        Assert.IsFalse(upxRun.Passed, "the UPX settings are checked before the build too\n" + upxRun.Output);
        StringAssert.Contains(upxRun.Output, "error SLIM1003: SlimUpx");

        using var building = new SlimProject("<PublishAot>true</PublishAot><SlimImageFormat>bogus</SlimImageFormat>");
        Assert.IsTrue(building.Execute("BeforeBuild").Passed, "dotnet build is not a publish: Slim checks nothing there");
    }

    [TestMethod]
    public void The_checked_settings_are_written_once_as_typed_values_for_the_later_steps()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot><SlimImageFormat>docker</SlimImageFormat><ContainerRepository>team/app</ContainerRepository>"
            + "<ContainerImageTags>1.0;stable</ContainerImageTags><ContainerRegistry> localhost:5000 </ContainerRegistry><SlimRegistryTimeout>2.5</SlimRegistryTimeout>"
            + "<SlimChecksAsErrors>SLIM7003;SLIM7010</SlimChecksAsErrors><SlimMaxWastedBytes>1MiB</SlimMaxWastedBytes>");
        var run = project.Execute("SlimValidateSettings");
        Assert.IsTrue(run.Passed, run.Output);

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(run["_SlimValidatedSettingsFile"]));
        var settings = json.RootElement;
        Assert.AreEqual("aot", settings.GetProperty("profile").GetString());
        Assert.AreEqual("docker", settings.GetProperty("imageFormat").GetString());
        CollectionAssert.AreEqual(new[] { "team/app:1.0", "team/app:stable" }, settings.GetProperty("imageNames").EnumerateArray().Select(n => n.GetString()).ToArray());
        Assert.AreEqual("localhost:5000", settings.GetProperty("registry").GetString());
        Assert.AreEqual(2.5, settings.GetProperty("registryTimeoutSeconds").GetDouble());
        Assert.AreEqual(1800, settings.GetProperty("pushTimeoutSeconds").GetDouble());
        Assert.AreEqual(1_048_576, settings.GetProperty("maxWastedBytes").GetInt64());
        CollectionAssert.AreEqual(new[] { "SLIM7003", "SLIM7010" }, settings.GetProperty("raisedChecks").EnumerateArray().Select(n => n.GetString()).ToArray());
    }

    [TestMethod]
    public void The_package_base_is_the_default_its_lock_is_beside_the_project_and_locked_mode_follows_nugets()
    {
        using var plain = new SlimProject("<PublishAot>true</PublishAot>");
        using var locked = new SlimProject("<PublishAot>true</PublishAot><RestoreLockedMode>true</RestoreLockedMode>");

        Assert.AreEqual("packages", plain["SlimBaseSource"]);
        Assert.AreEqual("local", plain["SlimCaCertificates"]);
        Assert.AreEqual(Path.Combine(plain.Folder, "slim.packages.lock.json"), Path.GetFullPath(plain["SlimPackageLockFile"]));
        Assert.AreEqual("false", plain["SlimLockedMode"]);
        Assert.AreEqual("true", locked["SlimLockedMode"]);
    }

    /// <summary>The Web SDK takes every *.json beside the project as content to publish: never the lock, which is the project's.</summary>
    [TestMethod]
    public void The_lock_beside_a_web_project_is_not_published_as_content()
    {
        using var web = new SlimProject("<PublishAot>true</PublishAot>", sdk: "Microsoft.NET.Sdk.Web",
            files: new Dictionary<string, string> { ["slim.packages.lock.json"] = "{}", ["appsettings.json"] = "{}" });

        var content = web.Project.GetItems("Content").ToDictionary(i => i.EvaluatedInclude, i => i.GetMetadataValue("CopyToPublishDirectory"));
        Assert.AreEqual("Never", content["slim.packages.lock.json"]);
        Assert.AreEqual("PreserveNewest", content["appsettings.json"], "the app's own content is published as before");
    }

    [TestMethod]
    public void A_wildcard_budget_under_a_condition_is_warning_SLIM1008_naming_the_item_the_pattern_and_the_project_file()
    {
        using var project = new SlimProject("<PublishAot>true</PublishAot></PropertyGroup>"
            + "<ItemGroup Condition=\"'$(Configuration)' == 'Release'\"><SlimBudget Include=\"**/*.so\" Max=\"2MiB\" /></ItemGroup><PropertyGroup>");
        var (passed, output) = project.Run("SlimValidateSettings");
        Assert.IsTrue(passed, output);
        StringAssert.Contains(output, $"warning SLIM1008: SlimBudget '**/*.so' in '{project.ProjectFile}' has a Condition");
        StringAssert.Contains(output, "<SlimBudget Include=\"my files\" Files=\"**/*.so\" />");

        using var plain = new SlimProject("<PublishAot>true</PublishAot></PropertyGroup><ItemGroup><SlimBudget Include=\"**/*.so\" Max=\"2MiB\" /></ItemGroup><PropertyGroup>");
        var (plainPassed, plainOutput) = plain.Run("SlimValidateSettings");
        Assert.IsTrue(plainPassed, plainOutput);
        Assert.IsFalse(plainOutput.Contains("SLIM1008"), "the same item without a condition is read: " + plainOutput);
    }

    [TestMethod]
    public void NativeAOT_for_another_architecture_is_SLIM2005_before_the_build_only_without_clang_lld_and_llvm_objcopy()
    {
        var host = "linux-" + System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var other = host == "linux-x64" ? "linux-arm64" : "linux-x64";
        var missing = new[] { "clang", "ld.lld", "llvm-objcopy" }
            .Where(tool => !(Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, tool)))).ToList();
        using var project = new SlimProject($"<PublishAot>true</PublishAot><RuntimeIdentifier>{other}</RuntimeIdentifier><_IsPublishing>true</_IsPublishing>");

        var run = project.Execute("BeforeBuild");

        if (missing.Count == 0)
        {
            Assert.IsTrue(run.Passed, "clang, ld.lld and llvm-objcopy are on PATH (build/bootstrap.sh installs them): Slim provides the sysroot. " + run.Output);
            Assert.IsFalse(run.Output.Contains("SLIM2005"), run.Output);
        }
        else
        {
            Assert.IsFalse(run.Passed, run.Output);
            StringAssert.Contains(run.Output, $"error SLIM2005: The project publishes NativeAOT for '{other}' on a {host} machine");
            StringAssert.Contains(run.Output, $"but {string.Join(", ", missing)} is not on PATH");
        }

        using var withSysRoot = new SlimProject($"<PublishAot>true</PublishAot><RuntimeIdentifier>{other}</RuntimeIdentifier><SysRoot>/sysroot</SysRoot>");
        var (passed, output) = withSysRoot.Run("SlimValidateSettings");
        Assert.IsTrue(passed, "a SysRoot means a cross toolchain was set up: " + output);
    }
}
