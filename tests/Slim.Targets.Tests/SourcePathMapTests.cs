namespace Slim.Targets.Tests;

/// <summary>
/// SlimMapSourcePaths: a publish maps the project folder to /_/ after the project's own PathMap, so the folder
/// never reaches the assembly; a Debug build keeps real paths, and false keeps them everywhere.
/// </summary>
[TestClass]
public sealed class SourcePathMapTests
{
    [TestMethod]
    public void A_publish_maps_the_project_folder()
    {
        using var project = new SlimProject("<_IsPublishing>true</_IsPublishing>");
        Assert.AreEqual($"{project.Folder}/=/_/", project["PathMap"]);
    }

    [TestMethod]
    public void The_projects_own_path_map_stays_first()
    {
        using var project = new SlimProject("<_IsPublishing>true</_IsPublishing><PathMap>/src/lib/=/lib/</PathMap>");
        Assert.AreEqual($"/src/lib/=/lib/,{project.Folder}/=/_/", project["PathMap"]);
    }

    [TestMethod]
    [DataRow("<Configuration>Debug</Configuration><Optimize>false</Optimize>")]
    [DataRow("<_IsPublishing>true</_IsPublishing><SlimMapSourcePaths>false</SlimMapSourcePaths>")]
    public void A_debug_build_or_false_keeps_real_paths(string properties)
    {
        using var project = new SlimProject(properties);
        Assert.AreEqual("", project["PathMap"]);
    }
}
