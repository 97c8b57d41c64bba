using Slim.Build.Tasks.Image.Archive;

namespace Slim.Build.Tasks.Checks;

/// <summary>What a reader of an image archive already knows of a layer, so that it need not decompress it again.</summary>
internal interface ILayerMemory
{
    /// <returns>The layer's records when everything the reader wants of it is known; null: read the layer.</returns>
    IReadOnlyList<LayerRecord>? Recall(string member, int layer);

    /// <summary>Offered every layer that was read, with its records, once its files went by.</summary>
    void Remember(string member, int layer, IReadOnlyList<LayerRecord> records);
}
