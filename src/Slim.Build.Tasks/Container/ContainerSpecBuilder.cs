using System.Globalization;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Container;

/// <summary>
/// Turns the project's container settings into the final image, with Slim's defaults where the
/// project says nothing: user 1654 (the chiseled images' non-root app user), /app, port 8080 for web apps.
/// </summary>
internal static class ContainerSpecBuilder
{
    public const string DefaultUser = "1654";
    public const string DefaultWorkingDirectory = "/app";
    public const int DefaultWebPort = RuntimeNeeds.DefaultWebPort;

    public static ContainerSpec Build(ContainerProject project, IDiagnostics diagnostics)
    {
        var (baseImage, baseReason) = BaseImageChooser.FinalBase(project);
        ImageReference.Check("SlimDockerBaseImage", project.BaseImage, diagnostics);

        var user = string.IsNullOrWhiteSpace(project.User) ? DefaultUser : project.User.Trim();
        if (IsRoot(user))
            diagnostics.Warning(SlimDiagnostics.ContainerUserRoot, user);

        var workingDirectory = string.IsNullOrWhiteSpace(project.WorkingDirectory) ? DefaultWorkingDirectory : project.WorkingDirectory.Trim();
        if (!workingDirectory.StartsWith('/'))
            diagnostics.Error(SlimDiagnostics.ContainerWorkingDirectoryNotAbsolute, project.WorkingDirectory);
        workingDirectory = workingDirectory.Length > 1 ? workingDirectory.TrimEnd('/') : workingDirectory;

        var ports = Ports(project, diagnostics);
        var environment = Environment(project, ports, diagnostics);
        var labels = OciLabels.For(project, baseImage, diagnostics);
        return new ContainerSpec(baseImage, baseReason, user, workingDirectory, Entrypoint(project, workingDirectory), ports, environment, labels);
    }

    private static bool IsRoot(string user)
    {
        var name = user.Split(':')[0];
        return name is "root" or "0";
    }

    private static IReadOnlyList<string> Entrypoint(ContainerProject project, string workingDirectory)
    {
        if (project.AppCommand.Count > 0)
            return project.AppCommand;
        var folder = workingDirectory == "/" ? "" : workingDirectory;
        // aot and trimmed publish a native executable; framework-dependent apps run through the shared runtime's host,
        // or, for another architecture than this machine's, their apphost: that runtime comes from runtime packs, which carry no dotnet.
        return project.Profile == SizeProfile.Framework && !IsForeignArchitecture(project.RuntimeIdentifier)
            ? ["dotnet", $"{folder}/{project.AppName}.dll"]
            : [$"{folder}/{project.AppName}"];
    }

    /// <summary>linux-arm64 on an x64 machine: the RID's processor (its last part, as .NET names it) is not this machine's.</summary>
    private static bool IsForeignArchitecture(string runtimeIdentifier)
    {
        var dash = runtimeIdentifier.LastIndexOf('-');
        return dash > 0 && Enum.TryParse<System.Runtime.InteropServices.Architecture>(runtimeIdentifier[(dash + 1)..], ignoreCase: true, out var architecture)
            && architecture != System.Runtime.InteropServices.RuntimeInformation.OSArchitecture;
    }

    private static IReadOnlyList<ContainerPort> Ports(ContainerProject project, IDiagnostics diagnostics)
    {
        var ports = new List<ContainerPort>();
        foreach (var (number, type) in project.Ports)
        {
            var kind = string.IsNullOrWhiteSpace(type) ? "tcp" : type.Trim().ToLowerInvariant();
            if (!int.TryParse(number.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535 || kind is not ("tcp" or "udp"))
                diagnostics.Error(SlimDiagnostics.InvalidContainerPort, number, type);
            else if (!ports.Contains(new ContainerPort(port, kind)))
                ports.Add(new ContainerPort(port, kind));
        }
        if (ports.Count == 0 && project.IsWebApp)
            ports.Add(new ContainerPort(DefaultWebPort, "tcp"));
        return ports;
    }

    private static IReadOnlyList<NameValue> Environment(ContainerProject project, IReadOnlyList<ContainerPort> ports, IDiagnostics diagnostics)
    {
        var environment = new List<NameValue>();
        foreach (var variable in project.Environment)
        {
            if (variable.Name.Length == 0 || variable.Name.Any(c => char.IsWhiteSpace(c) || c == '='))
            {
                diagnostics.Error(SlimDiagnostics.InvalidContainerItem_Environment, variable.Name, variable.Value);
                continue;
            }
            environment.RemoveAll(e => e.Name == variable.Name);
            environment.Add(variable);
        }
        // Kestrel listens on localhost:5000 unless told otherwise, which nothing outside the container reaches.
        // Official bases set ASPNETCORE_HTTP_PORTS themselves; saying it here makes any base behave the same.
        var listens = environment.Any(e => e.Name is "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_URLS" or "ASPNETCORE_HTTPS_PORTS");
        var httpPorts = ports.Where(p => p.Type == "tcp").Select(p => p.Number.ToString(CultureInfo.InvariantCulture)).ToList();
        if (project.IsWebApp && !listens && httpPorts.Count > 0)
            environment.Insert(0, new NameValue("ASPNETCORE_HTTP_PORTS", string.Join(';', httpPorts)));
        return environment;
    }
}
