using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Container;

/// <summary>
/// The org.opencontainers.image.* annotations a registry and a scanner read, from the project's own
/// properties, then the project's ContainerLabel items (which win on the same key).
/// </summary>
internal static class OciLabels
{
    private const string Prefix = "org.opencontainers.image.";

    public static IReadOnlyList<NameValue> For(ContainerProject project, string baseImage, IDiagnostics diagnostics)
    {
        var labels = new List<NameValue>();
        Add(labels, "title", project.ProjectName);
        Add(labels, "description", project.Description);
        Add(labels, "version", project.Version);
        Add(labels, "source", project.SourceUrl);
        Add(labels, "licenses", project.License);
        Add(labels, "base.name", baseImage);
        foreach (var label in project.Labels)
        {
            if (label.Name.Length == 0 || label.Name.Any(c => char.IsWhiteSpace(c) || c == '=' || c == '"'))
            {
                diagnostics.Error(SlimDiagnostics.InvalidContainerItem_Label, label.Name, label.Value);
                continue;
            }
            var existing = labels.FindIndex(l => l.Name == label.Name);
            if (existing >= 0)
                labels[existing] = label;
            else
                labels.Add(label);
        }
        return labels;
    }

    private static void Add(List<NameValue> labels, string key, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            labels.Add(new NameValue(Prefix + key, value.Trim()));
    }
}
