using System.Collections;
using Microsoft.Build.Framework;

namespace Slim.Build.Tasks.Tests.Tasks;

[TestClass]
public sealed class PatternItemsTests
{
    [TestMethod]
    public void Reads_metadata_of_items_that_enumerate_it_as_key_value_pairs_as_msbuilds_own_items_do()
    {
        // MSBuild hands a task its project items with metadata that enumerates as KeyValuePair, not DictionaryEntry.
        var budget = new PairItem("**/*.so", new Dictionary<string, string> { ["Max"] = "2MiB", ["Files"] = "native/*.so" });

        var patterns = PatternItems.Read("SlimBudget", [budget], [], diagnostics: null);

        Assert.AreEqual("native/*.so", patterns.Single().Pattern);
        Assert.AreEqual("2MiB", patterns.Single().Get("Max"));
    }

    private sealed class PairItem(string itemSpec, Dictionary<string, string> metadata) : ITaskItem
    {
        public string ItemSpec { get; set; } = itemSpec;
        public ICollection MetadataNames => metadata.Keys;
        public int MetadataCount => metadata.Count;
        public string GetMetadata(string metadataName) => metadata.TryGetValue(metadataName, out var value) ? value : "";
        public void SetMetadata(string metadataName, string metadataValue) => metadata[metadataName] = metadataValue;
        public void RemoveMetadata(string metadataName) => metadata.Remove(metadataName);
        public void CopyMetadataTo(ITaskItem destinationItem) { }
        public IDictionary CloneCustomMetadata() => new Dictionary<string, string>(metadata);
    }
}
