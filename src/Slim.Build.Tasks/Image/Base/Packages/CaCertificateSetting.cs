namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// SlimCaCertificates: the certificates the package base trusts beyond Debian's CA bundle. <c>local</c> (the default)
/// is what this machine's administrator added to its own trust (a corporate CA, an intercepting proxy's CA), found
/// where update-ca-certificates and p11-kit read them; <c>none</c> is Debian's bundle alone, the same on every
/// machine; anything else is a PEM file or a folder of them, relative to the project.
/// </summary>
/// <param name="MachineAnchors">Take this machine's added anchors (<see cref="MachineAnchorFolders"/>).</param>
/// <param name="Paths">Full paths of files and folders the project names.</param>
internal sealed record CaCertificateSetting(bool MachineAnchors, IReadOnlyList<string> Paths)
{
    public const string Local = "local";
    public const string None = "none";

    public static readonly CaCertificateSetting Default = new(true, []);

    /// <summary>Debian and Ubuntu (update-ca-certificates), Fedora and RHEL, SUSE (p11-kit): where an administrator adds a CA.</summary>
    public static readonly IReadOnlyList<string> MachineAnchorFolders =
        ["/usr/local/share/ca-certificates", "/etc/pki/ca-trust/source/anchors", "/etc/pki/trust/anchors"];

    /// <returns>The setting, and the first item that names no file or folder (null when every one does).</returns>
    public static (CaCertificateSetting Setting, string? Missing) Parse(string value, string projectDirectory)
    {
        var items = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
            return (Default, null);
        var machine = false;
        var paths = new List<string>();
        string? missing = null;
        foreach (var item in items)
        {
            if (item.Equals(Local, StringComparison.OrdinalIgnoreCase))
                machine = true;
            else if (!item.Equals(None, StringComparison.OrdinalIgnoreCase))
            {
                var path = Path.GetFullPath(item, projectDirectory);
                if (!File.Exists(path) && !Directory.Exists(path))
                    missing ??= item;
                paths.Add(path);
            }
        }
        return (new CaCertificateSetting(machine, paths), missing);
    }

    /// <summary>The files to read: the machine's anchors (update-ca-certificates takes only *.crt from its folder), then the project's.</summary>
    public IEnumerable<string> Files()
    {
        if (MachineAnchors)
            foreach (var folder in MachineAnchorFolders.Where(Directory.Exists))
                foreach (var file in FilesUnder(folder, folder == MachineAnchorFolders[0] ? "*.crt" : "*"))
                    yield return file;
        foreach (var path in Paths)
        {
            if (Directory.Exists(path))
                foreach (var file in FilesUnder(path, "*"))
                    yield return file;
            else
                yield return path;
        }
    }

    private static IEnumerable<string> FilesUnder(string folder, string pattern) =>
        Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal);
}
