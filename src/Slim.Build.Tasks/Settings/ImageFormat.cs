using System.Text.Json.Serialization;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Settings;

/// <summary>SlimImageFormat: the archive slim/ gets.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ImageFormat>))]
internal enum ImageFormat
{
    /// <summary>An OCI image layout in a tar (slim/image.tar): podman, skopeo, containerd, docker 25+.</summary>
    Oci,
    /// <summary>docker save's format (slim/image.docker.tar), for older docker load.</summary>
    Docker,
}
