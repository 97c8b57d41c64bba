using System.Text.Json;
using System.Text.Json.Serialization;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>
/// Keeps what a base layer's scan found under obj/.../slim/image/base-scans/, by the layer's digest. A blob
/// is looked up only after its bytes were hashed to that digest again, so a hit is the same bytes, already
/// checked: a publish re-hashes the base (fast) but does not unpack and walk it again. Refused layers are not kept.
/// </summary>
internal sealed partial class BaseScanCache(string directory)
{
    public BaseLayerScan? Get(string digest)
    {
        var path = PathOf(digest);
        try
        {
            // A scan kept by a Slim that did not read os-release yet is a miss: it would hide the base's operating system from the SBOM.
            return File.Exists(path) && JsonSerializer.Deserialize(File.ReadAllText(path), BaseScanJson.Default.BaseLayerScan) is { OsRelease: not null } scan ? scan : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public BaseLayerScan? Keep(string digest, BaseLayerScan? scan)
    {
        if (scan is not null)
            IO.AtomicFile.WriteAllTextIfChanged(PathOf(digest), JsonSerializer.Serialize(scan, BaseScanJson.Default.BaseLayerScan));
        return scan;
    }

    private string PathOf(string digest) => Path.Combine(directory, Sha256Digest.Hex(digest) + ".json");

    /// <summary>Metadata generated at compile time: no reflection in MSBuild's process (issue 29).</summary>
    [JsonSerializable(typeof(BaseLayerScan))]
    private sealed partial class BaseScanJson : JsonSerializerContext;
}
