namespace Slim.Build.Tasks.Image.Base;

internal enum BaseKind { Auto, Scratch, OciLayout, OciArchive, Registry }

/// <summary>
/// What ContainerBaseImage names: auto, scratch, an OCI image layout on disk (oci-layout:PATH[:NAME], a folder;
/// oci-archive:PATH[:NAME], a tar of one; or a plain path to either that exists), or else a registry image.
/// </summary>
/// <param name="Text">The value as written, for messages and the base.name annotation.</param>
/// <param name="Path">The layout's full path; null for auto, scratch and a registry image.</param>
/// <param name="Name">The image to take from the layout (its org.opencontainers.image.ref.name); null takes the only one.</param>
internal sealed record BaseReference(BaseKind Kind, string Text, string? Path = null, string? Name = null)
{
    public const string Auto = "auto";
    public const string Scratch = "scratch";

    public const string LayoutPrefix = "oci-layout:";
    public const string ArchivePrefix = "oci-archive:";

    /// <summary>The report's name for the kind: auto, scratch, oci-layout, oci-archive, registry.</summary>
    public string KindName => Kind switch
    {
        BaseKind.OciLayout => "oci-layout",
        BaseKind.OciArchive => "oci-archive",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <param name="projectDirectory">Where relative paths start.</param>
    public static BaseReference Parse(string? value, string projectDirectory)
    {
        var text = string.IsNullOrWhiteSpace(value) ? Auto : value.Trim();
        if (text.Equals(Auto, StringComparison.OrdinalIgnoreCase))
            return new(BaseKind.Auto, Auto);
        if (text.Equals(Scratch, StringComparison.OrdinalIgnoreCase))
            return new(BaseKind.Scratch, Scratch);
        if (text.StartsWith(LayoutPrefix, StringComparison.OrdinalIgnoreCase))
            return WithName(BaseKind.OciLayout, text, text[LayoutPrefix.Length..], projectDirectory);
        if (text.StartsWith(ArchivePrefix, StringComparison.OrdinalIgnoreCase))
            return WithName(BaseKind.OciArchive, text, text[ArchivePrefix.Length..], projectDirectory);
        var path = System.IO.Path.GetFullPath(text, projectDirectory);
        if (Directory.Exists(path))
            return new(BaseKind.OciLayout, text, path);
        if (File.Exists(path) || LooksLikePath(text) && text.EndsWith(".tar", StringComparison.OrdinalIgnoreCase))
            return new(BaseKind.OciArchive, text, path);
        return LooksLikePath(text) ? new(BaseKind.OciLayout, text, path) : new(BaseKind.Registry, text);
    }

    /// <summary>A path that is missing is still a path, not a registry image: ./base, ../base, /srv/base, base.tar.</summary>
    private static bool LooksLikePath(string text) =>
        text.StartsWith('.') || text.StartsWith('/') || text.StartsWith('\\') || text.EndsWith(".tar", StringComparison.OrdinalIgnoreCase)
        || text.Length > 2 && text[1] == ':' && text[2] is '\\' or '/';

    /// <summary>"PATH:NAME" as skopeo's oci: transports write it; a PATH that exists as written has no name, so a path holding ':' still works.</summary>
    private static BaseReference WithName(BaseKind kind, string text, string rest, string projectDirectory)
    {
        var whole = System.IO.Path.GetFullPath(rest, projectDirectory);
        var colon = rest.LastIndexOf(':');
        if (Directory.Exists(whole) || File.Exists(whole) || colon <= 0 || rest[(colon + 1)..].IndexOfAny(['/', '\\']) >= 0
            || (colon == 1 && char.IsLetter(rest[0])))
            return new(kind, text, whole);
        var name = rest[(colon + 1)..];
        return new(kind, text, System.IO.Path.GetFullPath(rest[..colon], projectDirectory), name.Length == 0 ? null : name);
    }
}
