using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Budgets;

/// <summary>Checks a measured publish against the budgets. Pure: reports nothing, only returns results.</summary>
internal static class BudgetEvaluator
{
    private const int ContributorCount = 3;

    /// <param name="imageLayers">The image's layers as (what each holds, wire bytes, unpacked bytes); null when no image was built.</param>
    public static IReadOnlyList<BudgetResult> Evaluate(IReadOnlyList<PublishedFile> files, BudgetSettings settings,
        IReadOnlyList<(string Holds, long WireBytes, long UnpackedBytes)>? imageLayers = null)
    {
        var results = new List<BudgetResult>();
        var total = files.Sum(f => f.Size);
        var largest = Largest(files);

        if (settings.MaxPublishSize is { } maxPublish)
            results.Add(new(BudgetKind.Publish, "SlimMaxPublishSize", maxPublish.ToString(), maxPublish.Bytes, total,
                total <= maxPublish.Bytes, null, largest));

        if (settings.MaxFileSize is { } maxFile)
        {
            var over = files.Where(f => f.Size > maxFile.Bytes).OrderByDescending(f => f.Size).ToList();
            if (over.Count == 0)
            {
                var biggest = largest.FirstOrDefault();
                results.Add(new(BudgetKind.File, "SlimMaxFileSize", maxFile.ToString(), maxFile.Bytes, biggest?.Size ?? 0,
                    true, biggest?.Path, largest.Take(1).ToList()));
            }
            foreach (var file in over)
                results.Add(new(BudgetKind.File, "SlimMaxFileSize", maxFile.ToString(), maxFile.Bytes, file.Size, false, file.Path, [file]));
        }

        foreach (var budget in settings.PatternBudgets)
        {
            var regex = Glob.ToRegex(budget.Pattern);
            var matched = files.Where(f => regex.IsMatch(f.Path)).ToList();
            var sum = matched.Sum(f => f.Size);
            results.Add(new(BudgetKind.Pattern, "SlimBudget", budget.Max.ToString(), budget.Max.Bytes, sum,
                sum <= budget.Max.Bytes, budget.Pattern, Largest(matched)));
        }

        if (settings.Baseline is { } baseline && settings.MaxGrowth is { } growth)
        {
            var allowed = growth.AllowedBytes(baseline.TotalBytes);
            var grown = total - baseline.TotalBytes;
            results.Add(new(BudgetKind.Growth, "SlimMaxGrowth", growth.ToString(), allowed, grown,
                grown <= allowed, baseline.Path, largest));
        }
        if (imageLayers is not null)
        {
            if (settings.MaxImageSize is { } maxImage)
                results.Add(ImageBudget(BudgetKind.Image, "SlimMaxImageSize", maxImage, imageLayers.Select(l => (l.Holds, l.WireBytes))));
            if (settings.MaxImageUnpackedSize is { } maxUnpacked)
                results.Add(ImageBudget(BudgetKind.ImageUnpacked, "SlimMaxImageUnpackedSize", maxUnpacked, imageLayers.Select(l => (l.Holds, l.UnpackedBytes))));
        }
        return results;
    }

    /// <summary>The layers stand in for files: the largest are what to look at first.</summary>
    private static BudgetResult ImageBudget(BudgetKind kind, string name, ByteSize max, IEnumerable<(string Holds, long Bytes)> layers)
    {
        var asFiles = layers.Select(l => new PublishedFile(l.Holds, l.Bytes, FileOrigin.Other)).ToList();
        var total = asFiles.Sum(f => f.Size);
        return new(kind, name, max.ToString(), max.Bytes, total, total <= max.Bytes, null, Largest(asFiles));
    }

    private static List<PublishedFile> Largest(IEnumerable<PublishedFile> files) =>
        files.OrderByDescending(f => f.Size).ThenBy(f => f.Path, StringComparer.Ordinal).Take(ContributorCount).ToList();
}
