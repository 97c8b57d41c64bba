namespace Slim.Build.Tasks.Sbom;

/// <summary>The image's operating system from its /etc/os-release: ID=debian, VERSION_ID="12".</summary>
/// <param name="Id">"debian": the distribution, as scanners name it.</param>
/// <param name="VersionId">"12"; empty when os-release gives none (a testing or unstable release).</param>
/// <param name="PrettyName">"Debian GNU/Linux 12 (bookworm)"; empty when absent.</param>
internal sealed record OsRelease(string Id, string VersionId, string PrettyName)
{
    /// <returns>Null when the text names no distribution (no ID=).</returns>
    public static OsRelease? Parse(string osRelease)
    {
        var fields = osRelease.Split('\n')
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim()).ToDictionary(g => g.Key, g => g.First()[1].Trim().Trim('"'));
        var id = fields.GetValueOrDefault("ID");
        return string.IsNullOrEmpty(id) ? null : new OsRelease(id, fields.GetValueOrDefault("VERSION_ID") ?? "", fields.GetValueOrDefault("PRETTY_NAME") ?? "");
    }

    /// <summary>The purl distro qualifier: "debian-12".</summary>
    public string Distro => string.IsNullOrEmpty(VersionId) ? Id : $"{Id}-{VersionId}";
}
