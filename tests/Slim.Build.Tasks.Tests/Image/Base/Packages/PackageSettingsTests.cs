using Slim.Build.Tasks.Settings;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>SlimBaseSource and the package settings, checked once by SlimValidateSettings into settings.json.</summary>
[TestClass]
public sealed class PackageSettingsTests
{
    private static (bool Passed, RecordingBuildEngine Engine, string Settings) Validate(Action<SlimValidateSettings> set)
    {
        var engine = new RecordingBuildEngine();
        var settings = Path.Combine(Path.GetTempPath(), $"slim-settings-{Guid.NewGuid():N}.json");
        var task = new SlimValidateSettings
        {
            BuildEngine = engine, ProjectName = "App", Profile = "framework", SettingsFile = settings,
            BudgetsFile = Path.Combine(Path.GetTempPath(), $"slim-budgets-{Guid.NewGuid():N}.json"),
        };
        set(task);
        return (task.Execute(), engine, settings);
    }

    [TestMethod]
    public void The_base_source_defaults_to_packages_and_carries_its_settings_to_the_image_step()
    {
        var (defaulted, _, defaultFile) = Validate(_ => { });
        var (passed, engine, file) = Validate(t =>
        {
            t.BaseSource = "Host";
            t.PackageLockFile = "/src/app/slim.packages.lock.json";
            t.PackageMirror = "http://mirror.example/debian";
            t.LockedMode = true;
        });

        Assert.IsTrue(defaulted);
        Assert.AreEqual("packages", SlimSettings.Load(defaultFile).BaseSource);
        Assert.IsTrue(SlimSettings.Load(defaultFile).CaCertificates.MachineAnchors, "the machine's added CAs by default");
        Assert.IsTrue(passed, string.Join("\n", engine.Errors.Select(e => e.Message)));
        var settings = SlimSettings.Load(file);
        Assert.AreEqual("host", settings.BaseSource);
        Assert.AreEqual("/src/app/slim.packages.lock.json", settings.PackageLockFile);
        Assert.AreEqual("http://mirror.example/debian", settings.PackageMirror);
        Assert.IsTrue(settings.LockedMode);
    }

    [TestMethod]
    public void An_unknown_base_source_or_a_mirror_that_is_no_url_fails_naming_the_property_and_the_value()
    {
        var (source, sourceEngine, _) = Validate(t => t.BaseSource = "apt");
        var (mirror, mirrorEngine, _) = Validate(t => t.PackageMirror = "mirror.example/debian");

        Assert.IsFalse(source);
        Assert.AreEqual("SLIM1003", sourceEngine.Errors.Single().Code);
        StringAssert.Contains(sourceEngine.Errors.Single().Message, "SlimBaseSource is 'apt', which is not one of: host, packages");
        Assert.IsFalse(mirror);
        Assert.AreEqual("SLIM1042", mirrorEngine.Errors.Single().Code);
        StringAssert.Contains(mirrorEngine.Errors.Single().Message, "'mirror.example/debian'");
    }

    [TestMethod]
    public void SlimCaCertificates_takes_none_local_and_files_relative_to_the_project()
    {
        var project = Directory.CreateTempSubdirectory("slim-ca-").FullName;
        File.WriteAllText(Path.Combine(project, "corp.crt"), TestCertificates.Pem("CN=Corp Root"));
        var (none, _, noneFile) = Validate(t => t.CaCertificates = "none");
        var (files, engine, filesFile) = Validate(t => { t.ProjectFile = Path.Combine(project, "App.csproj"); t.CaCertificates = "local; corp.crt"; });

        Assert.IsTrue(none);
        Assert.IsFalse(SlimSettings.Load(noneFile).CaCertificates.MachineAnchors);
        Assert.AreEqual(0, SlimSettings.Load(noneFile).CaCertificates.Paths.Count);
        Assert.IsTrue(files, string.Join("\n", engine.Errors.Select(e => e.Message)));
        var setting = SlimSettings.Load(filesFile).CaCertificates;
        Assert.IsTrue(setting.MachineAnchors);
        CollectionAssert.AreEqual(new[] { Path.Combine(project, "corp.crt") }, setting.Paths.ToArray());
    }

    [TestMethod]
    public void SlimCaCertificates_naming_a_missing_file_or_one_without_a_certificate_fails_with_SLIM1049()
    {
        var project = Directory.CreateTempSubdirectory("slim-ca-").FullName;
        File.WriteAllText(Path.Combine(project, "key.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        var (missing, missingEngine, _) = Validate(t => { t.ProjectFile = Path.Combine(project, "App.csproj"); t.CaCertificates = "certs/corp.crt"; });
        var (empty, emptyEngine, _) = Validate(t => { t.ProjectFile = Path.Combine(project, "App.csproj"); t.CaCertificates = "key.pem"; });

        Assert.IsFalse(missing);
        Assert.AreEqual("SLIM1049", missingEngine.Errors.Single().Code);
        StringAssert.Contains(missingEngine.Errors.Single().Message, "SlimCaCertificates is 'certs/corp.crt', and 'certs/corp.crt' in it names no file or folder");
        Assert.IsFalse(empty);
        Assert.AreEqual("SLIM1049", emptyEngine.Errors.Single().Code);
        StringAssert.Contains(emptyEngine.Errors.Single().Message, "holds no PEM or DER certificate");
    }
}
