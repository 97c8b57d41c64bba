namespace Slim.Targets.Tests;

/// <summary>
/// The profile Slim.Sdk chooses when the project sets none: NativeAOT unless the project's files show a part of
/// ASP.NET Core that NativeAOT and trimming do not support; and the check after the compile that catches what the
/// files did not show. Measured: a Razor Pages app given Slim.Sdk was compiled NativeAOT and died at start
/// (TypeLoadException in ApplicationPartFactory).
/// </summary>
[TestClass]
public sealed class SdkProfileChoiceTests
{
    [TestMethod]
    [DataRow("Pages/Index.cshtml", "@page")]
    [DataRow("Pages/Shared/_Layout.cshtml", "<html></html>")]
    [DataRow("Views/Home/Index.cshtml", "<p></p>")]
    [DataRow("Areas/Admin/Pages/Index.cshtml", "@page")]
    [DataRow("Components/App.razor", "<html></html>")]
    [DataRow("Controllers/HomeController.cs", "class HomeController {}")]
    [DataRow("Program.cs", "var b = WebApplication.CreateBuilder(args);\nb.Services.AddRazorPages();")]
    [DataRow("Startup.cs", "class Startup { void C(IServiceCollection s) => s.AddControllersWithViews(); }")]
    public void A_project_with_mvc_razor_pages_or_components_is_framework_dependent(string file, string text)
    {
        using var project = new SlimProject("", sdkForm: true, sdk: "Microsoft.NET.Sdk.Web", files: new Dictionary<string, string> { [file] = text });
        Assert.AreEqual("framework", project["SlimProfile"]);
        Assert.AreEqual("", project["PublishAot"], "restore must not see NativeAOT");
        Assert.AreEqual("", project["PublishTrimmed"]);
        StringAssert.EndsWith(project["_SlimProfileEvidence"].Split(';')[0], file);
        Assert.AreEqual("true", project["_SlimProfileChosenBySdk"]);
    }

    [TestMethod]
    public void A_minimal_api_is_aot()
    {
        using var project = new SlimProject("", sdkForm: true, sdk: "Microsoft.NET.Sdk.Web", files: new Dictionary<string, string>
        {
            ["Program.cs"] = "var app = WebApplication.CreateSlimBuilder(args).Build();\napp.MapGet(\"/\", () => \"hi\");\napp.Run();",
            // Names alone are no evidence: a folder called Pages with no Razor file, a comment-free class elsewhere.
            ["Pages/Readme.md"] = "notes",
            ["Services/Mapper.cs"] = "class Mapper {}",
        });
        Assert.AreEqual("aot", project["SlimProfile"]);
        Assert.AreEqual("true", project["PublishAot"]);
        Assert.AreEqual("", project["_SlimProfileEvidence"]);
    }

    [TestMethod]
    public void A_profile_the_project_sets_stays_its_own()
    {
        using var project = new SlimProject("<SlimProfile>aot</SlimProfile>", sdkForm: true, sdk: "Microsoft.NET.Sdk.Web",
            files: new Dictionary<string, string> { ["Pages/Index.cshtml"] = "@page" });
        Assert.AreEqual("aot", project["SlimProfile"]);
        Assert.AreEqual("true", project["PublishAot"]);
        Assert.AreEqual("", project["_SlimProfileChosenBySdk"]);
    }

    [TestMethod]
    [DataRow(true, false)]
    [DataRow(false, true)]
    public void An_app_that_references_mvc_fails_an_aot_choice_of_slims_and_warns_on_the_projects(bool chosenBySdk, bool passes)
    {
        // The files showed nothing (the controllers live in Api/), so Slim.Sdk chose aot; the compiled assembly tells.
        var setting = chosenBySdk ? "" : "<SlimProfile>aot</SlimProfile>";
        using var project = new SlimProject(setting, sdkForm: true, sdk: "Microsoft.NET.Sdk.Web");
        Assert.AreEqual("aot", project["SlimProfile"]);
        var app = Path.Combine(project.Folder, project["IntermediateOutputPath"].Replace('\\', '/'), "App.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(app)!);
        // Microsoft.AspNetCore.Mvc.dll references Microsoft.AspNetCore.Mvc.RazorPages, as an app with Razor Pages does.
        var aspNetCore = Directory.GetDirectories(Path.Combine(project["NetCoreRoot"], "shared", "Microsoft.AspNetCore.App")).Max()!;
        File.Copy(Path.Combine(aspNetCore, "Microsoft.AspNetCore.Mvc.dll"), app);

        var run = project.Execute("SlimAnalyzeApp");

        Assert.AreEqual(passes, run.Passed, run.Output);
        StringAssert.Contains(run.Output, chosenBySdk ? "error SLIM1092" : "warning SLIM1092");
        StringAssert.Contains(run.Output, "Razor Pages");
        StringAssert.Contains(run.Output, "<SlimProfile>framework</SlimProfile>");
    }

    [TestMethod]
    public void An_app_without_mvc_passes_and_is_told_which_profile_and_why()
    {
        using var project = new SlimProject("", sdkForm: true, sdk: "Microsoft.NET.Sdk.Web");
        var app = Path.Combine(project.Folder, project["IntermediateOutputPath"].Replace('\\', '/'), "App.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(app)!);
        File.Copy(typeof(SdkProfileChoiceTests).Assembly.Location, app);

        var run = project.Execute("SlimAnalyzeApp");

        Assert.IsTrue(run.Passed, run.Output);
        Assert.IsFalse(run.Output.Contains("SLIM1092"), run.Output);
        StringAssert.Contains(run.Output, "SLIM1019: Slim.Sdk chose the aot profile: no MVC, Razor Pages or Razor components");
    }
}
