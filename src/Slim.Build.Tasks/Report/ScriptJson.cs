using System.Text.Encodings.Web;
using System.Text.Json;

namespace Slim.Build.Tasks.Report;

/// <summary>
/// JSON safe to put inside a &lt;script type="application/json"&gt; block. A browser ends the block at the
/// first "&lt;/script" whatever the JSON means, and "&lt;!--" changes how it parses the rest; a file named
/// "&lt;/script&gt;.dll" must stay data. Every "&lt;" becomes \u003c, which can only occur inside JSON strings,
/// where JSON.parse reads it back as "&lt;".
/// </summary>
internal static class ScriptJson
{
    private static readonly JsonSerializerOptions Options = new(ReportWriter.Json)
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.Default,
    };

    public static string Serialize<T>(T value) =>
        Escape(JsonSerializer.Serialize(value, Options));

    public static string Escape(string json) =>
        json.Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026")
            .Replace("\u2028", "\\u2028").Replace("\u2029", "\\u2029");
}
