using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>Slim.Sdk chooses the publish settings before restore, standalone and added to the Web SDK.</summary>
[TestClass]
public sealed class SdkFormTests
{
    [TestMethod]
    public void Standalone_sdk_publishes_a_console_app_as_nativeaot_on_first_publish()
    {
        var app = TestApp.Console("SdkConsole", SlimForm.SdkStandalone);
        var result = app.Publish();
        Assert.AreEqual(0, result.ExitCode, result.Describe());
        var exe = Path.Combine(result.PublishDirectory, app.Name);
        Assert.IsTrue(Files.IsElf(exe), "the SDK form did not publish NativeAOT");
        StringAssert.Contains(result.PublishDirectory, "/linux-x64/publish", "no runtime identifier chosen");
        Assert.AreEqual("Hello from Slim", ProcessRunner.Run(exe, [], result.PublishDirectory).Output.Trim());
        Assert.IsTrue(File.Exists(Path.Combine(result.SlimDirectory, "report.json")));
    }

    [TestMethod]
    public async Task Sdk_added_to_the_web_sdk_publishes_a_small_nativeaot_web_app_that_serves()
    {
        var app = TestApp.Web("SdkWeb", SlimForm.SdkAdded);
        var result = app.Publish();
        Assert.AreEqual(0, result.ExitCode, result.Describe());

        var exe = Path.Combine(result.PublishDirectory, app.Name);
        Assert.IsTrue(Files.IsElf(exe), "not NativeAOT");
        var size = Files.Size(exe);
        Assert.IsTrue(size <= 14_000_000, $"web executable is {size} bytes, over 14,000,000");
        var shipped = Files.Relative(result.PublishDirectory);
        Assert.IsFalse(shipped.Any(f => f.EndsWith(".dbg") || f.EndsWith(".pdb")), string.Join(", ", shipped));
        CollectionAssert.DoesNotContain(shipped, "appsettings.Development.json");
        CollectionAssert.Contains(shipped, "appsettings.json");

        Assert.AreEqual("Hello World!", await TestApp.GetFromRunningApp(exe, TimeSpan.FromSeconds(20)));
    }

    [TestMethod]
    public void A_profile_set_in_the_project_reaches_restore_in_the_sdk_form()
    {
        var app = TestApp.Console("SdkConsoleFramework", SlimForm.SdkStandalone, "<SlimProfile>framework</SlimProfile>");
        var result = app.Publish();
        Assert.AreEqual(0, result.ExitCode, result.Describe());
        Assert.IsTrue(File.Exists(Path.Combine(result.PublishDirectory, app.Name + ".dll")), "framework profile should publish the IL assembly");
        StringAssert.Contains(result.Output, "SLIM1010");
    }

    [TestMethod]
    public async Task Sdk_added_to_a_razor_pages_app_chooses_framework_and_the_app_serves()
    {
        // Measured: Slim.Sdk's old default compiled this app NativeAOT; it died at start in ApplicationPartFactory.
        var app = TestApp.Web("SdkRazor", SlimForm.SdkAdded);
        app.Write("Program.cs", """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            var app = builder.Build();
            app.MapRazorPages();
            app.Run();
            """);
        app.Write("Pages/_ViewImports.cshtml", "@addTagHelper *, Microsoft.AspNetCore.Mvc.TagHelpers");
        app.Write("Pages/Index.cshtml", "@page\n<html><body><p>Hello from @(\"Razor\")</p></body></html>");

        var result = app.Publish();

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        StringAssert.Contains(result.Output, "SLIM1019: Slim.Sdk chose the framework profile: Pages/");
        Assert.IsFalse(Files.IsElf(Path.Combine(result.PublishDirectory, app.Name + ".dll")));
        Assert.IsTrue(File.Exists(Path.Combine(result.PublishDirectory, app.Name + ".dll")), "framework-dependent: the IL assembly ships");
        var page = await TestApp.GetFromRunningApp(Path.Combine(result.PublishDirectory, app.Name), TimeSpan.FromSeconds(30));
        StringAssert.Contains(page, "Hello from Razor");
    }
}
