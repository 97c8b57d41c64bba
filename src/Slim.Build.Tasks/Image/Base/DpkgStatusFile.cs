namespace Slim.Build.Tasks.Image.Base;

/// <summary>
/// Reads and writes dpkg's status format (deb822: "Field: value" lines, continuation lines start with a
/// space, packages apart by a blank line), and makes the one-package file a distroless-style base keeps
/// in /var/lib/dpkg/status.d/&lt;package&gt;, where trivy and grype read a base's OS packages.
/// </summary>
internal static class DpkgStatusFile
{
    public const string StatusFolder = "var/lib/dpkg/status.d";

    /// <summary>dpkg's own bookkeeping on the build machine: not facts about the package in the base.</summary>
    private static readonly HashSet<string> LocalFields = new(StringComparer.OrdinalIgnoreCase)
        { "Status", "Conffiles", "Config-Version", "Triggers-Awaited", "Triggers-Pending" };

    public static IEnumerable<DebianPackage> Parse(TextReader reader)
    {
        var fields = new List<KeyValuePair<string, string>>();
        for (var line = reader.ReadLine(); ; line = reader.ReadLine())
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (fields.Count > 0)
                    yield return new DebianPackage(fields);
                if (line is null)
                    yield break;
                fields = [];
            }
            else if (char.IsWhiteSpace(line[0]) && fields.Count > 0)
            {
                var last = fields[^1];
                fields[^1] = new(last.Key, last.Value + "\n" + line);
            }
            else if (line.IndexOf(':') is var colon and > 0)
            {
                fields.Add(new(line[..colon], line[(colon + 1)..].Trim()));
            }
        }
    }

    /// <summary>The status.d text of <paramref name="package"/>: its fields as the host has them, with Status "install ok installed" and without dpkg's local bookkeeping.</summary>
    public static string Render(DebianPackage package)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (name, value) in package.Fields)
        {
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
                text.Append("Status: install ok installed\n");
            else if (!LocalFields.Contains(name))
                text.Append(name).Append(": ").Append(value).Append('\n');
        }
        return text.ToString();
    }

    public static string ImagePath(DebianPackage package) => StatusFolder + "/" + package.Name;
}
