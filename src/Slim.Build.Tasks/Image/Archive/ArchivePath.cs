namespace Slim.Build.Tasks.Image.Archive;

/// <summary>Names inside an image archive, an OCI layout folder and a layer tar, as one form to compare.</summary>
internal static class ArchivePath
{
    /// <summary>"./usr/lib/" -> "usr/lib": a tar entry's name without the prefixes and slashes tools vary in.</summary>
    public static string Normalize(string name)
    {
        var p = name.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
            p = p[2..];
        return p.Trim('/');
    }

    /// <summary>"sha256:ab12..." -> "blobs/sha256/ab12...": where the OCI layout and docker's archive keep a blob.</summary>
    public static string Blob(string digest) => "blobs/" + digest.Replace(':', '/');
}
