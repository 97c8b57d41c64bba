using System.Text.Json;
using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Container;

[TestClass]
public sealed class ContainerDescriptionTests
{
    private static ContainerDescription Shop()
    {
        var project = ContainerTestProjects.AotWeb with
        {
            User = "10001", Ports = [new("5000", "")], Environment = [new("TZ", "UTC")], Labels = [new("com.example.team", "checkout")], Version = "2.1.0",
        };
        return new ContainerDescription(project, ContainerSpecBuilder.Build(project, new RecordingDiagnostics()));
    }

    [TestMethod]
    public void Saves_and_loads_the_project_facts_and_the_resolved_image()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "obj/slim/container.json");
        var description = Shop();

        Assert.IsTrue(description.Save(path));
        var loaded = ContainerDescription.Load(path);

        Assert.AreEqual(description.ToJson(), loaded.ToJson());
        Assert.AreEqual("Shop.Api", loaded.Project.ProjectName);
        Assert.AreEqual(new ContainerPortSetting("5000", ""), loaded.Project.Ports.Single());
        Assert.AreEqual("10001", loaded.Spec.User);
        CollectionAssert.AreEqual(new[] { new ContainerPort(5000, "tcp") }, loaded.Spec.Ports.ToArray());
        CollectionAssert.AreEqual(description.Spec.Labels.ToArray(), loaded.Spec.Labels.ToArray());
        CollectionAssert.AreEqual(description.Spec.Entrypoint.ToArray(), loaded.Spec.Entrypoint.ToArray());
    }

    [TestMethod]
    public void The_json_is_camel_case_with_a_project_and_a_spec()
    {
        using var json = JsonDocument.Parse(Shop().ToJson());
        var root = json.RootElement;
        CollectionAssert.AreEqual(new[] { "project", "spec" }, root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.AreEqual("aot", root.GetProperty("project").GetProperty("profile").GetString());
        Assert.IsTrue(root.GetProperty("project").GetProperty("isWebApp").GetBoolean());
        Assert.AreEqual("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled", root.GetProperty("spec").GetProperty("baseImage").GetString());
        Assert.AreEqual(5000, root.GetProperty("spec").GetProperty("ports")[0].GetProperty("number").GetInt32());
        Assert.AreEqual("/app/Shop.Api", root.GetProperty("spec").GetProperty("entrypoint")[0].GetString());
    }

    [TestMethod]
    public void Unchanged_content_is_not_written_again()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "container.json");
        Assert.IsTrue(Shop().Save(path));
        var written = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, written);

        Assert.IsFalse(Shop().Save(path));
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(path), "an unchanged description was rewritten, so the Dockerfile step would run again");

        Assert.IsTrue((Shop() with { Spec = Shop().Spec with { User = "10002" } }).Save(path));
    }
}
