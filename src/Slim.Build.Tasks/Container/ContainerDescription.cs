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

    public string ToJson() => StateFile.ToJson(this, ContainerStateJson.Default.ContainerDescription);

    /// <summary>Writes only when the content changed, so the steps that read it stay up to date; returns true when written.</summary>
    public bool Save(string path) => StateFile.Save(path, this, ContainerStateJson.Default.ContainerDescription);

    public static ContainerDescription Load(string path) =>
        StateFile.Load(path, "container description", ContainerStateJson.Default.ContainerDescription);
}
