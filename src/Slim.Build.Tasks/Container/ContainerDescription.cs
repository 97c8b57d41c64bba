using System.Text.Json;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Container;

/// <summary>
/// container.json: the project facts and the resolved final image, written once per publish by
/// SlimDescribeContainer and read by every step that makes a container (the Dockerfiles, the image),
/// so none of them takes the container settings again or resolves them differently.
/// </summary>
internal sealed record ContainerDescription(ContainerProject Project, ContainerSpec Spec)
{
    public const string FileName = "container.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string ToJson() => JsonSerializer.Serialize(this, Json).Replace("\r\n", "\n") + "\n";

    /// <summary>Writes only when the content changed, so the steps that read it stay up to date; returns true when written.</summary>
    public bool Save(string path) => AtomicFile.WriteAllTextIfChanged(path, ToJson());

    public static ContainerDescription Load(string path) =>
        JsonSerializer.Deserialize<ContainerDescription>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"'{path}' holds no container description.");
}
