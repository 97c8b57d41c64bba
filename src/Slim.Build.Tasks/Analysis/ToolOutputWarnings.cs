using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Analysis;

/// <summary>
/// Reads the trim and AOT analysis warnings (IL2xxx, IL3xxx) out of a trimming compiler's console output as Slim kept
/// it (ILC's by Slim.IlcWarnings.targets, ILLink's by Slim.ILLinkWarnings.targets): one line per message, in the
/// canonical form MSBuild parses ("origin : [subcategory] warning CODE: text"). Both tools print the same form.
/// </summary>
internal static partial class ToolOutputWarnings
{
    /// <param name="tool"><see cref="AnalysisWarning.Ilc"/> or <see cref="AnalysisWarning.ILLink"/>.</param>
    public static IReadOnlyList<AnalysisWarning> Read(string? outputPath, string tool)
    {
        if (string.IsNullOrEmpty(outputPath) || !File.Exists(outputPath))
            return [];
        var warnings = new List<AnalysisWarning>();
        foreach (var line in File.ReadLines(outputPath))
            if (Parse(line, tool) is { } warning && !warnings.Contains(warning))
                warnings.Add(warning);
        return warnings;
    }

    public static AnalysisWarning? Parse(string line, string tool)
    {
        var match = WarningLine().Match(line.Trim());
        if (!match.Success || !SarifWarnings.IsAnalysisCode(match.Groups["code"].Value))
            return null;
        var origin = match.Groups["origin"].Value.Trim();
        var text = match.Groups["text"].Value.Trim();
        return new AnalysisWarning(match.Groups["code"].Value, text, Location(origin), tool, AssemblyOf(origin, text));
    }

    /// <summary>"Program.cs:3" for a source origin; a member or type origin as the tool printed it; none for the tool itself or a file.</summary>
    private static string? Location(string origin)
    {
        if (origin is "" or "ILC" or "ILLink" || IsAssemblyFile(origin))
            return null;
        var source = SourceOrigin().Match(origin);
        return source.Success ? Path.GetFileName(source.Groups["file"].Value) + ":" + source.Groups["line"].Value : origin;
    }

    /// <summary>IL2104/IL3053 name it in the text ("Assembly 'Newtonsoft.Json' produced ..."); others may have the assembly file as origin.</summary>
    private static string? AssemblyOf(string origin, string text)
    {
        var named = NamedAssembly().Match(text);
        if (named.Success)
            return named.Groups["name"].Value;
        return IsAssemblyFile(origin) ? Path.GetFileNameWithoutExtension(origin) : null;
    }

    private static bool IsAssemblyFile(string origin) =>
        origin.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || origin.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?<origin>.*?)\s*:\s*(?:[^:]*?\s)?warning\s+(?<code>IL\d{4})\s*:\s*(?<text>.*)$")]
    private static partial Regex WarningLine();

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>\d+)(?:,\d+)*\)$")]
    private static partial Regex SourceOrigin();

    [GeneratedRegex(@"^Assembly '(?<name>[^']+)' produced")]
    private static partial Regex NamedAssembly();
}
