using System.Text.Json;

namespace Slim.Build.Tasks.Files;

/// <summary>A runtimeconfig.json read as the .NET host reads it: comments and trailing commas allowed.</summary>
internal static class RuntimeConfigJson
{
    private static readonly JsonDocumentOptions AsTheHostReadsIt = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <exception cref="JsonException">Not JSON even then.</exception>
    public static JsonDocument Parse(string json) => JsonDocument.Parse(json, AsTheHostReadsIt);
}
