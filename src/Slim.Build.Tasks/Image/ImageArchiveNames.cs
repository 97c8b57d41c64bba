namespace Slim.Build.Tasks.Image;

/// <summary>The names of Slim's image archives in the slim folder, one per SlimImageFormat.</summary>
internal static class ImageArchiveNames
{
    public const string Oci = "image.tar";
    public const string Docker = "image.docker.tar";

    /// <param name="format">oci or docker (any case).</param>
    public static string For(string format) => string.Equals(format, "docker", StringComparison.OrdinalIgnoreCase) ? Docker : Oci;

    /// <summary>The other format's archive: an earlier publish's image once this one is written.</summary>
    public static string Other(string format) => For(format) == Docker ? Oci : Docker;
}
