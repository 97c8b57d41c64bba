using System.Text;
using Slim.Build.Tasks.Container;

namespace Slim.Build.Tasks.Dockerfile;

/// <summary>
/// Writes the two Dockerfiles: a multi-stage one that builds the app from source (Slim and its
/// budgets run inside the build), and a prebuilt one that puts the publish folder Slim already
/// produced onto the same final stage. Same project, same text: nothing here depends on the machine.
/// </summary>
internal static class DockerfileWriter
{
    public const string SyntaxDirective = "# syntax=docker/dockerfile:1\n";
    private const string NuGetCacheMount = "--mount=type=cache,id=nuget,target=/root/.nuget/packages";
    private const string BuildOutput = "/app/publish";

    /// <param name="buildImage">The build stage's image (<see cref="SdkImageChooser"/>).</param>
    public static string MultiStage(ContainerProject project, ContainerSpec spec, BuildContextLayout context, string buildImage)
    {
        var rid = string.IsNullOrEmpty(project.RuntimeIdentifier) ? "" : $" -r {project.RuntimeIdentifier}";
        var text = new StringBuilder();
        text.Append($"""
            #
            # Builds {project.ProjectName} from source and runs it on a distroless base (profile {project.Profile}).
            # Needs BuildKit (Docker 23+, or podman/buildah). Run from the folder that holds every file restore reads:
            #   docker build -f <this file> -t {ImageName(project)} .
            # Paths below are relative to that folder; the .dockerignore Slim writes beside this file belongs there too.

            FROM {buildImage} AS build
            WORKDIR /src

            # Restore layer: project files and NuGet settings only, so it is rebuilt only when they change.

            """);
        foreach (var file in context.RestoreFiles)
            text.Append($"COPY {Json([file, DirectoryOf(file)])}\n");
        text.Append($"""
            # NuGet's cache is a BuildKit cache mount: packages are downloaded once and never stored in a layer.
            RUN {NuGetCacheMount} \
                dotnet restore {Quote(context.ProjectPath)}{rid}

            # The rest of the source (.dockerignore keeps bin/ and obj/ out, so the restore above stays).
            COPY . .
            # Slim runs in this publish too, so the project's size budgets fail the image build when exceeded.
            # SlimImage=false: this Dockerfile makes the image; SlimDockerfile=false: no Dockerfile inside the build.
            RUN {NuGetCacheMount} \
                dotnet publish {Quote(context.ProjectPath)} -c Release{rid} --no-restore -o {BuildOutput} \
                  -p:SlimImage=false -p:SlimDockerfile=false


            """);
        FinalStage(text, spec, $"COPY --from=build {BuildOutput}/ ./", " AS final");
        return GeneratedFile.Mark(SyntaxDirective, project.ProjectName, text.ToString());
    }

    public static string Prebuilt(ContainerProject project, ContainerSpec spec, string publishFolder)
    {
        var text = new StringBuilder();
        text.Append($"""
            #
            # Runs the publish folder Slim produced for {project.ProjectName} on a distroless base (profile {project.Profile}).
            # The publish folder is the build context:
            #   docker build -f <this file> -t {ImageName(project)} {publishFolder}


            """);
        FinalStage(text, spec, "COPY . ./", "");
        return GeneratedFile.Mark("", project.ProjectName, text.ToString());
    }

    private static void FinalStage(StringBuilder text, ContainerSpec spec, string copy, string stageName)
    {
        text.Append($"""
            # Final stage: no shell, no package manager; only what the app needs to run.
            # Base: {spec.BaseReason}
            FROM {spec.BaseImage}{stageName}

            """);
        if (spec.Labels.Count > 0)
            text.Append("LABEL " + string.Join(" \\\n      ", spec.Labels.Select(l => $"{l.Name}={Value(l.Value)}")) + "\n");
        if (spec.Environment.Count > 0)
            text.Append("ENV " + string.Join(" \\\n    ", spec.Environment.Select(e => $"{e.Name}={Value(e.Value)}")) + "\n");
        text.Append($"""
            WORKDIR {spec.WorkingDirectory}
            # Files stay owned by root: the app user can read and run them, not change them.
            {copy}
            # Not root (ContainerUser; by default UID 1654, the app user of the chiseled .NET images).
            USER {spec.User}

            """);
        foreach (var port in spec.Ports)
            text.Append($"EXPOSE {port.Number}/{port.Type}\n");
        text.Append($"ENTRYPOINT {Json(spec.Entrypoint)}\n");
    }

    private static string ImageName(ContainerProject project) => project.ProjectName.ToLowerInvariant();

    private static string DirectoryOf(string relativeFile)
    {
        if (relativeFile.EndsWith('/'))
            return relativeFile;
        var slash = relativeFile.LastIndexOf('/');
        return slash < 0 ? "./" : relativeFile[..(slash + 1)];
    }

    /// <summary>Exec form: a JSON array, so no shell is needed (the final stage has none).</summary>
    private static string Json(IEnumerable<string> parts) => "[" + string.Join(", ", parts.Select(Quote)) + "]";

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";

    /// <summary>LABEL and ENV values: quoted, and $ escaped so the builder does not substitute variables.</summary>
    private static string Value(string value) => Quote(value).Replace("$", "\\$");
}
