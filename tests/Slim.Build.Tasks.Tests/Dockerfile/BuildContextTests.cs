using Slim.Build.Tasks.Dockerfile;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.Dockerfile;

[TestClass]
public sealed class BuildContextTests
{
    [TestMethod]
    public void Without_a_repository_the_context_is_the_folder_holding_every_project()
    {
        using var temp = new TempFolder();
        var app = temp.File("shop/src/Api/Api.csproj");
        var lib = temp.File("shop/src/Core/Core.csproj");
        temp.File("shop/src/Core/packages.lock.json");
        temp.File("shop/src/NuGet.config");
        temp.File("shop/src/Directory.Build.props");
        temp.File("shop/Directory.Packages.props");
        temp.File("shop/src/Api/Program.cs");

        var diagnostics = new RecordingDiagnostics();
        var layout = BuildContext.Resolve(app, [lib], "", diagnostics);

        Assert.AreEqual(0, diagnostics.Items.Count);
        Assert.AreEqual(Path.Combine(temp.Path, "shop/src"), layout.Root);
        Assert.AreEqual("Api/Api.csproj", layout.ProjectPath);
        CollectionAssert.AreEqual(new[] { "Api/Api.csproj", "Core/Core.csproj", "Core/packages.lock.json", "Directory.Build.props", "NuGet.config" },
            layout.RestoreFiles.ToArray(), "Directory.Packages.props above the context cannot be copied; Program.cs is not a restore input");
    }

    [TestMethod]
    public void In_a_repository_the_context_is_its_root()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "repo/.git"));
        temp.File("repo/global.json");
        temp.File("repo/Directory.Packages.props");
        var app = temp.File("repo/src/App/App.csproj");

        var layout = BuildContext.Resolve(app, [], "", new RecordingDiagnostics());

        Assert.AreEqual(Path.Combine(temp.Path, "repo"), layout.Root);
        Assert.AreEqual("src/App/App.csproj", layout.ProjectPath);
        CollectionAssert.AreEqual(new[] { "Directory.Packages.props", "global.json", "src/App/App.csproj" }, layout.RestoreFiles.ToArray());
    }

    [TestMethod]
    public void A_project_outside_a_given_context_is_a_warning_naming_both()
    {
        using var temp = new TempFolder();
        var app = temp.File("a/App/App.csproj");
        var lib = temp.File("b/Lib/Lib.csproj");
        var diagnostics = new RecordingDiagnostics();

        var layout = BuildContext.Resolve(app, [lib], Path.Combine(temp.Path, "a"), diagnostics);

        var warning = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.DockerContextMissesProject, warning.Diagnostic);
        Assert.AreEqual(lib, warning.Args[0]);
        CollectionAssert.AreEqual(new[] { "App/App.csproj" }, layout.RestoreFiles.ToArray());
    }

    [TestMethod]
    public void Folder_feeds_a_nuget_config_names_inside_the_context_are_restore_inputs()
    {
        using var temp = new TempFolder();
        var app = temp.File("sol/App/App.csproj");
        temp.File("sol/packages/Some.Package.1.0.0.nupkg");
        temp.File("sol/NuGet.config", """
            <configuration><packageSources><clear />
              <add key="local" value="packages" />
              <add key="missing" value="nowhere" />
              <add key="outside" value="../elsewhere" />
              <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
            </packageSources></configuration>
            """u8.ToArray());
        Directory.CreateDirectory(Path.Combine(temp.Path, "elsewhere"));

        var layout = BuildContext.Resolve(app, [], Path.Combine(temp.Path, "sol"), new RecordingDiagnostics());

        CollectionAssert.AreEqual(new[] { "App/App.csproj", "NuGet.config", "packages/" }, layout.RestoreFiles.ToArray());
    }
}
