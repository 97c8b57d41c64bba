using Slim.Build.Tasks.Container;
using Slim.Build.Tasks.Tests.TestSupport;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.Container;

[TestClass]
public sealed class ContainerSpecBuilderTests
{
    [TestMethod]
    public void Defaults_are_non_root_app_folder_and_8080_for_web_apps()
    {
        var diagnostics = new RecordingDiagnostics();
        var spec = ContainerSpecBuilder.Build(ContainerTestProjects.AotWeb, diagnostics);
        Assert.AreEqual(0, diagnostics.Items.Count);
        Assert.AreEqual("1654", spec.User);
        Assert.AreEqual("/app", spec.WorkingDirectory);
        CollectionAssert.AreEqual(new[] { "/app/Shop.Api" }, spec.Entrypoint.ToArray());
        CollectionAssert.AreEqual(new[] { new ContainerPort(8080, "tcp") }, spec.Ports.ToArray());
        Assert.AreEqual(new NameValue("ASPNETCORE_HTTP_PORTS", "8080"), spec.Environment.Single());
    }

    [TestMethod]
    public void A_console_app_exposes_nothing_and_sets_no_kestrel_port()
    {
        var spec = ContainerSpecBuilder.Build(ContainerTestProjects.AotConsole, new RecordingDiagnostics());
        Assert.AreEqual(0, spec.Ports.Count);
        Assert.AreEqual(0, spec.Environment.Count);
    }

    [TestMethod]
    public void A_framework_dependent_app_runs_through_dotnet()
    {
        var spec = ContainerSpecBuilder.Build(ContainerTestProjects.FrameworkWeb, new RecordingDiagnostics());
        CollectionAssert.AreEqual(new[] { "dotnet", "/app/Shop.Api.dll" }, spec.Entrypoint.ToArray());
    }

    [TestMethod]
    public void A_framework_dependent_app_for_another_architecture_runs_its_apphost()
    {
        // Its shared runtime comes from runtime packs, which carry no dotnet host.
        var foreign = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "linux-x64" : "linux-arm64";
        var own = "linux-" + System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        var spec = ContainerSpecBuilder.Build(ContainerTestProjects.FrameworkWeb with { RuntimeIdentifier = foreign }, new RecordingDiagnostics());
        CollectionAssert.AreEqual(new[] { "/app/Shop.Api" }, spec.Entrypoint.ToArray());
        var ownSpec = ContainerSpecBuilder.Build(ContainerTestProjects.FrameworkWeb with { RuntimeIdentifier = own }, new RecordingDiagnostics());
        CollectionAssert.AreEqual(new[] { "dotnet", "/app/Shop.Api.dll" }, ownSpec.Entrypoint.ToArray());
    }

    [TestMethod]
    public void The_sdk_container_vocabulary_is_honoured()
    {
        var project = ContainerTestProjects.AotWeb with
        {
            User = "10001", WorkingDirectory = "/srv/shop/", AppCommand = ["/srv/shop/Shop.Api", "--serve"],
            Ports = [new("5000", ""), new("5353", "UDP")],
            Environment = [new("TZ", "UTC"), new("TZ", "Europe/Paris")],
            Labels = [new("org.opencontainers.image.title", "shop"), new("com.example.team", "checkout")],
        };
        var diagnostics = new RecordingDiagnostics();
        var spec = ContainerSpecBuilder.Build(project, diagnostics);
        Assert.AreEqual(0, diagnostics.Items.Count);
        Assert.AreEqual("10001", spec.User);
        Assert.AreEqual("/srv/shop", spec.WorkingDirectory);
        CollectionAssert.AreEqual(new[] { "/srv/shop/Shop.Api", "--serve" }, spec.Entrypoint.ToArray());
        CollectionAssert.AreEqual(new[] { new ContainerPort(5000, "tcp"), new ContainerPort(5353, "udp") }, spec.Ports.ToArray());
        CollectionAssert.AreEqual(new[] { new NameValue("ASPNETCORE_HTTP_PORTS", "5000"), new NameValue("TZ", "Europe/Paris") }, spec.Environment.ToArray());
        Assert.AreEqual("shop", spec.Labels.Single(l => l.Name == "org.opencontainers.image.title").Value, "a ContainerLabel wins over Slim's label");
        Assert.AreEqual("checkout", spec.Labels.Single(l => l.Name == "com.example.team").Value);
    }

    [TestMethod]
    public void The_root_folder_is_a_valid_working_directory()
    {
        var diagnostics = new RecordingDiagnostics();
        var spec = ContainerSpecBuilder.Build(ContainerTestProjects.AotConsole with { WorkingDirectory = "/" }, diagnostics);
        Assert.AreEqual(0, diagnostics.Items.Count);
        Assert.AreEqual("/", spec.WorkingDirectory);
        CollectionAssert.AreEqual(new[] { "/Hello" }, spec.Entrypoint.ToArray());
    }

    [TestMethod]
    public void An_explicit_kestrel_setting_is_not_overridden()
    {
        var project = ContainerTestProjects.AotWeb with { Environment = [new("ASPNETCORE_URLS", "http://+:9000")] };
        var spec = ContainerSpecBuilder.Build(project, new RecordingDiagnostics());
        Assert.AreEqual("ASPNETCORE_URLS", spec.Environment.Single().Name);
    }

    [TestMethod]
    public void Oci_labels_come_from_the_project()
    {
        var project = ContainerTestProjects.AotWeb with { Version = "2.1.0", Description = "Shop API", SourceUrl = "https://example.com/shop.git", License = "MIT" };
        var labels = ContainerSpecBuilder.Build(project, new RecordingDiagnostics()).Labels.ToDictionary(l => l.Name, l => l.Value);
        Assert.AreEqual("Shop.Api", labels["org.opencontainers.image.title"]);
        Assert.AreEqual("2.1.0", labels["org.opencontainers.image.version"]);
        Assert.AreEqual("Shop API", labels["org.opencontainers.image.description"]);
        Assert.AreEqual("https://example.com/shop.git", labels["org.opencontainers.image.source"]);
        Assert.AreEqual("MIT", labels["org.opencontainers.image.licenses"]);
        Assert.AreEqual("mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled", labels["org.opencontainers.image.base.name"]);
    }

    [TestMethod]
    [DataRow("root")]
    [DataRow("0")]
    [DataRow("0:0")]
    public void Root_is_honoured_with_a_warning(string user)
    {
        var diagnostics = new RecordingDiagnostics();
        var spec = ContainerSpecBuilder.Build(ContainerTestProjects.AotConsole with { User = user }, diagnostics);
        Assert.AreEqual(user, spec.User);
        CollectionAssert.AreEqual(new[] { SlimDiagnostics.ContainerUserRoot }, diagnostics.Warnings.ToArray());
    }

    [TestMethod]
    [DataRow("0", "tcp")]
    [DataRow("70000", "")]
    [DataRow("http", "")]
    [DataRow("8080", "sctp")]
    public void A_bad_port_is_an_error_naming_it(string port, string type)
    {
        var diagnostics = new RecordingDiagnostics();
        ContainerSpecBuilder.Build(ContainerTestProjects.AotConsole with { Ports = [new(port, type)] }, diagnostics);
        var error = diagnostics.Items.Single();
        Assert.AreEqual(SlimDiagnostics.InvalidContainerPort, error.Diagnostic);
        Assert.AreEqual(port, error.Args[0]);
    }

    [TestMethod]
    public void Bad_settings_are_errors_naming_property_and_value()
    {
        var diagnostics = new RecordingDiagnostics();
        ContainerSpecBuilder.Build(ContainerTestProjects.AotConsole with
        {
            WorkingDirectory = "app", BaseImage = "my base", Environment = [new("A B", "x")], Labels = [new("", "x")],
        }, diagnostics);
        CollectionAssert.AreEquivalent(
            new[] { SlimDiagnostics.ContainerWorkingDirectoryNotAbsolute, SlimDiagnostics.InvalidImageReference, SlimDiagnostics.InvalidContainerItem_Environment, SlimDiagnostics.InvalidContainerItem_Label },
            diagnostics.Errors.ToArray());
        Assert.AreEqual("my base", diagnostics.Items.Single(i => i.Diagnostic == SlimDiagnostics.InvalidImageReference).Args[1]);
    }
}
