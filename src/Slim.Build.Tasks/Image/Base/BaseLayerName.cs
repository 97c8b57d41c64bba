using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>What an assembled base layer holds, for the history, the report and the console: the needs it answers.</summary>
internal static class BaseLayerName
{
    /// <param name="madeFrom">Where its files came from, e.g. "8 Debian 12 packages"; null: not said.</param>
    public static string For(RuntimeNeeds needs, string? madeFrom = null) =>
        "base: " + string.Join(", ", new[] { "glibc" }.Concat(needs.Needs.Where(n => n.Needed && n.Kind is not (NeedKind.WritableTmp or NeedKind.ListeningPort))
            .Select(n => Files.KebabCaseEnum.JsonName(n.Kind))))
        + (madeFrom is null ? "" : $" ({madeFrom})");
}
