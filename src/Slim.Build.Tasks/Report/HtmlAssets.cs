namespace Slim.Build.Tasks.Report;

/// <summary>The page's stylesheet and script, embedded in the task assembly from Report/Html/.</summary>
internal static class HtmlAssets
{
    public static string Style { get; } = Read("report.css");
    public static string Script { get; } = Read("report.js");

    private static string Read(string name)
    {
        using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream("Slim.Build.Tasks.Report.Html." + name)
            ?? throw new InvalidOperationException($"the task assembly lacks its embedded {name}");
        using var reader = new StreamReader(stream);
        // Normalised so the page has the same bytes whatever line endings the checkout had.
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
