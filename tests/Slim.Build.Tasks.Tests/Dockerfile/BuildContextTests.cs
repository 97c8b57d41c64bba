using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Dockerfile;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Dockerfile;

[TestClass]
public sealed class BuildContextTests
{
    private static BuildContextLayout Resolve(string app, string[] references, RecordingDiagnostics diagnostics, string context = "", string home = "") =>
        BuildContext.Resolve(RestoreInputs.Find(app, references, [], ""), context, home, diagnostics);

    /// <summary>The layout most solutions have: settings at the root, projects under src/.</summary>
    private static (string App, string Lib) SrcLayout(TempFolder temp, string solution)
    {
        temp.File($"{solution}/Directory.Build.props", "<Project />"u8.ToArray());
        temp.File($"{solution}/Directory.Packages.props", "<Project />"u8.ToArray());
        temp.File($"{solution}/nuget.config", "<configuration />"u8.ToArray());
        temp.File($"{solution}/src/App/Program.cs");
        return (temp.File($"{solution}/src/App/App.csproj", "<Project />"u8.ToArray()), temp.File($"{solution}/src/Lib/Lib.csproj", "<Project />"u8.ToArray()));
    }

    private static readonly string[] SrcLayoutFiles =
        ["Directory.Build.props", "Directory.Packages.props", "nuget.config", "src/App/App.csproj", "src/Lib/Lib.csproj"];

    [TestMethod]
    public void Without_a_repository_the_context_is_the_folder_holding_every_file_restore_reads()
    {
        using var temp = new TempFolder();
        var (app, lib) = SrcLayout(temp, "shop");
        var diagnostics = new RecordingDiagnostics();

        var layout = Resolve(app, [lib], diagnostics);

        Assert.AreEqual(0, diagnostics.Items.Count);
        Assert.AreEqual(Path.Combine(temp.Path, "shop"), layout.Root, "not src/, the projects' common folder: restore reads the root's files");
        Assert.AreEqual("src/App/App.csproj", layout.ProjectPath);
        CollectionAssert.AreEqual(SrcLayoutFiles, layout.RestoreFiles.ToArray(), "Program.cs is not a restore input");
    }

    [TestMethod]
    public void In_a_repository_that_holds_them_all_the_context_is_its_root()
    {
        using var temp = new TempFolder();
        var (app, lib) = SrcLayout(temp, "repo/shop");
        Directory.CreateDirectory(Path.Combine(temp.Path, "repo/.git"));
        temp.File("repo/global.json", "{}"u8.ToArray());

        var layout = Resolve(app, [lib], new RecordingDiagnostics());

        Assert.AreEqual(Path.Combine(temp.Path, "repo"), layout.Root);
        Assert.AreEqual("shop/src/App/App.csproj", layout.ProjectPath);
        CollectionAssert.AreEqual(new[] { "global.json" }.Concat(SrcLayoutFiles.Select(f => "shop/" + f)).ToArray(), layout.RestoreFiles.ToArray());
    }

    [TestMethod]
    public void Files_restore_reads_above_the_repository_root_widen_the_context_to_hold_them()
    {
        using var temp = new TempFolder();
        temp.File("work/Directory.Build.props", "<Project />"u8.ToArray());
        Directory.CreateDirectory(Path.Combine(temp.Path, "work/repo/.git"));
        var app = temp.File("work/repo/App/App.csproj", "<Project />"u8.ToArray());

        var layout = Resolve(app, [], new RecordingDiagnostics());

        Assert.AreEqual(Path.Combine(temp.Path, "work"), layout.Root);
        CollectionAssert.AreEqual(new[] { "Directory.Build.props", "repo/App/App.csproj" }, layout.RestoreFiles.ToArray());
    }

    [TestMethod]
    public void A_file_that_would_make_the_home_folder_the_context_is_left_out_with_SLIM3011()
    {
        using var temp = new TempFolder();
        var home = Path.Combine(temp.Path, "home/me");
        var stray = temp.File("home/me/Directory.Build.props", "<Project />"u8.ToArray());
        var (app, lib) = SrcLayout(temp, "home/me/code/shop");
        File.Delete(Path.Combine(temp.Path, "home/me/code/shop/Directory.Build.props"));
        var diagnostics = new RecordingDiagnostics();

        var layout = Resolve(app, [lib], diagnostics, home: home);

        var warning = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.RestoreInputOutsideContext_TooWide, warning.Diagnostic);
        CollectionAssert.AreEqual(new object[] { stray, home }, warning.Args);
        Assert.AreEqual(Path.Combine(temp.Path, "home/me/code/shop"), layout.Root, "the narrower root still holds the solution's own files");
        CollectionAssert.AreEqual(SrcLayoutFiles.Skip(1).ToArray(), layout.RestoreFiles.ToArray());
    }

    [TestMethod]
    public void A_given_context_wins_and_each_input_outside_it_is_a_warning_naming_both()
    {
        using var temp = new TempFolder();
        var (app, lib) = SrcLayout(temp, "shop");
        var other = temp.File("elsewhere/Other/Other.csproj", "<Project />"u8.ToArray());
        var given = Path.Combine(temp.Path, "shop/src");
        var diagnostics = new RecordingDiagnostics();

        var layout = Resolve(app, [lib, other], diagnostics, context: given + "/");

        Assert.AreEqual(given, layout.Root);
        CollectionAssert.AreEqual(new[] { "App/App.csproj", "Lib/Lib.csproj" }, layout.RestoreFiles.ToArray());
        Assert.AreEqual(SlimDiagnostics.DockerContextMissesProject, diagnostics.Items[0].Diagnostic);
        Assert.AreEqual(other, diagnostics.Items[0].Args[0]);
        CollectionAssert.AreEqual(new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config" },
            diagnostics.Items.Skip(1).Select(i => Path.GetFileName((string)i.Args[0])).ToArray());
        Assert.IsTrue(diagnostics.Items.Skip(1).All(i => i.Diagnostic == SlimDiagnostics.RestoreInputOutsideContext_Given && (string)i.Args[1] == given));
    }

    [TestMethod]
    public void A_folder_feed_in_the_context_is_copied_as_a_folder()
    {
        using var temp = new TempFolder();
        var app = temp.File("sol/App/App.csproj", "<Project />"u8.ToArray());
        temp.File("feeds/local/Some.Package.1.0.0.nupkg");
        temp.File("sol/NuGet.config", """
            <configuration><packageSources><clear /><add key="local" value="../feeds/local" /></packageSources></configuration>
            """u8.ToArray());

        var layout = Resolve(app, [], new RecordingDiagnostics());

        Assert.AreEqual(temp.Path, layout.Root, "restore in the image needs the feed, named relatively, so the context holds it");
        CollectionAssert.AreEqual(new[] { "feeds/local/", "sol/App/App.csproj", "sol/NuGet.config" }, layout.RestoreFiles.ToArray());
    }
}
