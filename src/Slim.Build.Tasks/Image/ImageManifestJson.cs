using System.Text.Json;

namespace Slim.Build.Tasks.Image;

/// <summary>The OCI image manifest (application/vnd.oci.image.manifest.v1+json): the config and layer descriptors in rootfs order, and the annotations.</summary>
internal static class ImageManifestJson
{
    public const string MediaType = "application/vnd.oci.image.manifest.v1+json";

    public static byte[] Write(string configDigest, long configSize, IReadOnlyList<LayerBlob> layers, IEnumerable<KeyValuePair<string, string>> annotations) =>
        CanonicalJson.Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", MediaType);
            WriteDescriptor(json, "config", ImageConfigJson.MediaType, configDigest, configSize);
            json.WriteStartArray("layers");
            foreach (var layer in layers)
                WriteDescriptor(json, null, LayerBlob.MediaType, layer.Digest, layer.Size);
            json.WriteEndArray();
            CanonicalJson.WriteMap(json, "annotations", annotations);
            json.WriteEndObject();
        });

    /// <summary>{"mediaType", "digest", "size"}, as a property named <paramref name="name"/> or, when null, an array element.</summary>
    public static void WriteDescriptor(Utf8JsonWriter json, string? name, string mediaType, string digest, long size, IEnumerable<KeyValuePair<string, string>>? annotations = null)
    {
        if (name is null)
            json.WriteStartObject();
        else
            json.WriteStartObject(name);
        json.WriteString("mediaType", mediaType);
        json.WriteString("digest", digest);
        json.WriteNumber("size", size);
        if (annotations is not null)
            CanonicalJson.WriteMap(json, "annotations", annotations);
        json.WriteEndObject();
    }
}
