namespace Slim.Build.Tasks.Image.Base;

/// <summary>One installed package as /var/lib/dpkg/status records it: its fields in file order.</summary>
internal sealed record DebianPackage(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public string Name => Field("Package") ?? "";
    public string Version => Field("Version") ?? "";
    public string Architecture => Field("Architecture") ?? "";

    /// <summary>The source package without its version ("glibc" of "glibc (2.36-9)"); null when it is the package's own name.</summary>
    public string? Source => Field("Source")?.Split(' ', 2)[0];

    /// <summary>The source package's version when it differs from the binary's ("12.2.0-14" of "gcc-12 (12.2.0-14)"); else null.</summary>
    public string? SourceVersion => Field("Source")?.Split(' ', 2) is [_, var version] ? version.Trim().TrimStart('(').TrimEnd(')').Trim() : null;

    /// <summary>The name dpkg gives its .list file: libc6:amd64 for a Multi-Arch: same package, else the bare name.</summary>
    public string ListName => Field("Multi-Arch") == "same" ? $"{Name}:{Architecture}" : Name;

    public bool IsInstalled => Field("Status")?.EndsWith(" installed", StringComparison.Ordinal) == true;

    /// <summary>A field's value; a multi-line value keeps its continuation lines, each after "\n".</summary>
    public string? Field(string name) => Fields.FirstOrDefault(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
