using Slim.Build.Tasks.Dockerfile;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Dockerfile;

[TestClass]
public sealed class RestoreInputsTests
{
    private static string[] Others(TempFolder temp, RestoreInputSet inputs) =>
        inputs.Others.Select(file => FolderPaths.Relative(temp.Path, file)).ToArray();

    [TestMethod]
    public void Each_project_gets_the_nearest_directory_files_above_it_with_no_bound()
    {
        using var temp = new TempFolder();
        temp.File("Directory.Build.props", "<Project />"u8.ToArray());
        temp.File("sol/Directory.Packages.props", "<Project />"u8.ToArray());
        temp.File("sol/src/Directory.Build.props", "<Project />"u8.ToArray());
        temp.File("sol/lib/Directory.Build.targets", "<Project />"u8.ToArray());
        var app = temp.File("sol/src/App/App.csproj", "<Project />"u8.ToArray());
        var lib = temp.File("sol/lib/Lib/Lib.csproj", "<Project />"u8.ToArray());

        var inputs = RestoreInputs.Find(app, [lib], [], "");

        CollectionAssert.AreEqual(new[] { app, lib }, inputs.Projects.ToArray());
        CollectionAssert.AreEqual(new[] { "Directory.Build.props", "sol/Directory.Packages.props", "sol/lib/Directory.Build.targets", "sol/src/Directory.Build.props" },
            Others(temp, inputs), "App's nearest props is src's; Lib has none in its tree, so MSBuild uses the one at the top");
    }

    [TestMethod]
    public void A_nested_directory_build_props_brings_its_parent_only_when_it_imports_it()
    {
        using var temp = new TempFolder();
        temp.File("sol/Directory.Build.props", "<Project />"u8.ToArray());
        var nested = temp.File("sol/src/Directory.Build.props", "<Project />"u8.ToArray());
        var app = temp.File("sol/src/App/App.csproj", "<Project />"u8.ToArray());

        CollectionAssert.AreEqual(new[] { "sol/src/Directory.Build.props" }, Others(temp, RestoreInputs.Find(app, [], [], "")));

        File.WriteAllText(nested, """
            <Project>
              <Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />
            </Project>
            """);
        CollectionAssert.AreEqual(new[] { "sol/Directory.Build.props", "sol/src/Directory.Build.props" }, Others(temp, RestoreInputs.Find(app, [], [], "")));
    }

    [TestMethod]
    public void Files_imported_by_relative_path_and_the_apps_own_directory_paths_are_read_too()
    {
        using var temp = new TempFolder();
        temp.File("sol/eng/Versions.props", "<Project />"u8.ToArray());
        temp.File("sol/Directory.Build.props", """<Project><Import Project="$(MSBuildThisFileDirectory)eng/Versions.props" /></Project>"""u8.ToArray());
        var custom = temp.File("sol/build/Custom.targets", "<Project />"u8.ToArray());
        var app = temp.File("sol/src/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <Import Project="..\..\build\Shared.props" Condition="Exists('..\..\build\Shared.props')" />
              <Import Project="$(SomeProperty)/Other.props" />
            </Project>
            """u8.ToArray());
        temp.File("sol/build/Shared.props", "<Project />"u8.ToArray());

        var inputs = RestoreInputs.Find(app, [], [custom, "", Path.Combine(temp.Path, "sol/missing.props")], "");

        CollectionAssert.AreEqual(new[] { "sol/Directory.Build.props", "sol/build/Custom.targets", "sol/build/Shared.props", "sol/eng/Versions.props" },
            Others(temp, inputs));
    }

    [TestMethod]
    public void NuGet_configs_come_from_what_restore_recorded_for_every_project_without_the_user_and_machine_ones()
    {
        using var temp = new TempFolder();
        var userConfig = temp.File("home/.nuget/NuGet/NuGet.Config", "<configuration />"u8.ToArray());
        var machineConfig = temp.File("etc/opt/NuGet/Config/Machine.config", "<configuration />"u8.ToArray());
        var rootConfig = temp.File("home/sol/nuget.config", "<configuration />"u8.ToArray());
        var libConfig = temp.File("home/sol/lib/NuGet.Config", "<configuration />"u8.ToArray());
        temp.File("home/sol/src/NuGet.config", "<configuration />"u8.ToArray());
        var app = temp.File("home/sol/src/App/App.csproj", "<Project />"u8.ToArray());
        var lib = temp.File("home/sol/lib/Lib/Lib.csproj", "<Project />"u8.ToArray());
        var assets = temp.File("home/sol/src/App/obj/project.assets.json", Json($$"""
            { "version": 3, "project": { "restore": { "configFilePaths": [ "{{rootConfig}}", "{{userConfig}}", "{{machineConfig}}" ] } } }
            """));
        temp.File("home/sol/src/App/obj/App.csproj.nuget.dgspec.json", Json($$"""
            { "format": 1, "projects": {
                "{{app}}": { "restore": { "configFilePaths": [ "{{rootConfig}}", "{{userConfig}}" ] } },
                "{{lib}}": { "restore": { "configFilePaths": [ "{{libConfig}}", "{{rootConfig}}", "{{userConfig}}" ] } } } }
            """));

        var inputs = RestoreInputs.Find(app, [lib], [], assets);

        CollectionAssert.AreEqual(new[] { "home/sol/lib/NuGet.Config", "home/sol/nuget.config" }, Others(temp, inputs),
            "src/NuGet.config is not what restore recorded; the user-wide and machine-wide configs are this machine's");
    }

    [TestMethod]
    public void Before_any_restore_the_configs_are_found_by_nugets_walk_up()
    {
        using var temp = new TempFolder();
        temp.File("sol/nuget.config", "<configuration />"u8.ToArray());
        temp.File("sol/other/NuGet.Config", "<configuration />"u8.ToArray());
        var app = temp.File("sol/src/App/App.csproj", "<Project />"u8.ToArray());

        var inputs = RestoreInputs.Find(app, [], [], Path.Combine(temp.Path, "sol/src/App/obj/project.assets.json"));

        CollectionAssert.AreEqual(new[] { "sol/nuget.config" }, Others(temp, inputs));
    }

    [TestMethod]
    public void The_nearest_global_json_lock_files_beside_projects_and_relative_folder_feeds()
    {
        using var temp = new TempFolder();
        temp.File("global.json", "{}"u8.ToArray());
        temp.File("sol/global.json", "{}"u8.ToArray());
        temp.File("sol/packages/Some.Package.1.0.0.nupkg");
        temp.File("sol/src/Lib/packages.lock.json", "{}"u8.ToArray());
        Directory.CreateDirectory(Path.Combine(temp.Path, "elsewhere"));
        temp.File("sol/NuGet.config", Json($$"""
            <configuration><packageSources><clear />
              <add key="local" value="packages" />
              <add key="missing" value="nowhere" />
              <add key="absolute" value="{{Path.Combine(temp.Path, "elsewhere")}}" />
              <add key="itself" value="." />
              <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
            </packageSources></configuration>
            """));
        var app = temp.File("sol/src/App/App.csproj", "<Project />"u8.ToArray());
        var lib = temp.File("sol/src/Lib/Lib.csproj", "<Project />"u8.ToArray());

        var inputs = RestoreInputs.Find(app, [lib], [], "");

        CollectionAssert.AreEqual(new[] { "sol/NuGet.config", "sol/global.json", "sol/packages/", "sol/src/Lib/packages.lock.json" }, Others(temp, inputs),
            "an absolute feed is this machine's folder; a feed holding the projects would copy the source");
    }

    [TestMethod]
    public void Folder_feeds_named_by_an_absolute_path_are_listed_apart_with_their_config_and_key()
    {
        using var temp = new TempFolder();
        var elsewhere = Path.Combine(temp.Path, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var config = temp.File("sol/NuGet.config", Json($$"""
            <configuration><packageSources><clear />
              <add key="local" value="packages" />
              <add key="machine" value="{{elsewhere}}" />
              <add key="gone" value="/nonexistent/feed" />
              <add key="from-env" value="$HOME/feed" />
              <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
            </packageSources></configuration>
            """));
        var app = temp.File("sol/src/App/App.csproj", "<Project />"u8.ToArray());

        var inputs = RestoreInputs.Find(app, [], [], "");

        CollectionAssert.AreEqual(new[] { new AbsoluteFolderFeed(config, "machine", elsewhere), new AbsoluteFolderFeed(config, "gone", "/nonexistent/feed") },
            inputs.AbsoluteFeeds.ToArray(), string.Join("; ", inputs.AbsoluteFeeds));
    }

    private static byte[] Json(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
