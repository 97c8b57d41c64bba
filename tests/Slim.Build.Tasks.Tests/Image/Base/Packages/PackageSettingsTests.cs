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
    public void The_base_source_defaults_to_host_and_packages_carries_its_settings_to_the_image_step()
    {
        var (defaulted, _, defaultFile) = Validate(_ => { });
        var (passed, engine, file) = Validate(t =>
        {
            t.BaseSource = "Packages";
            t.PackageLockFile = "/src/app/slim.packages.lock.json";
            t.PackageMirror = "http://mirror.example/debian";
            t.LockedMode = true;
        });

        Assert.IsTrue(defaulted);
        Assert.AreEqual("host", SlimSettings.Load(defaultFile).BaseSource, "the default does not change in phase 1");
        Assert.IsTrue(passed, string.Join("\n", engine.Errors.Select(e => e.Message)));
        var settings = SlimSettings.Load(file);
        Assert.AreEqual("packages", settings.BaseSource);
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
}
