namespace Slim.Build.Tasks.Sbom;

/// <summary>The purl distro qualifier from an /etc/os-release text: ID=debian, VERSION_ID="12" -> "debian-12".</summary>
internal static class OsRelease
{
    public static string? Distro(string osRelease)
    {
        var fields = osRelease.Split('\n')
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim()).ToDictionary(g => g.Key, g => g.First()[1].Trim().Trim('"'));
        var id = fields.GetValueOrDefault("ID");
        var version = fields.GetValueOrDefault("VERSION_ID");
        return string.IsNullOrEmpty(id) ? null : string.IsNullOrEmpty(version) ? id : $"{id}-{version}";
    }
}
