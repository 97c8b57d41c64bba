using Slim.Build.Tasks.Image.Archive;

namespace Slim.Build.Tasks.Checks;

/// <summary>What a reader of an image archive already knows of a layer, so that it need not decompress it again.</summary>
internal interface ILayerMemory
{
    /// <returns>The layer's records when everything the reader wants of it is known; null: read the layer.</returns>
    IReadOnlyList<LayerRecord>? Recall(string member, int layer);

    /// <summary>Offered every layer that was read, with its records, once its files went by.</summary>
    void Remember(string member, int layer, IReadOnlyList<LayerRecord> records);

    /// <returns>The bytes of a file of the layer (its normalized path) kept from an earlier read; null: read the layer.</returns>
    byte[]? RecallFile(string member, string path);

    /// <summary>Offered the bytes of every file read whole from a layer (/etc/passwd, libc.so.6 for its GLIBC versions).</summary>
    void RememberFile(string member, string path, byte[] bytes);
}
