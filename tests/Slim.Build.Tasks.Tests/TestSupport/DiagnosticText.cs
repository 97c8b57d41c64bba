using System.Globalization;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Tests.TestSupport;

/// <summary>A diagnostic's message as the user reads it: its Strings.resx text with the arguments filled in.</summary>
internal static class DiagnosticText
{
    public static string Of(SlimDiagnostic diagnostic, object[] args) =>
        string.Format(CultureInfo.CurrentCulture, SlimTask.Strings.GetString(diagnostic.ResourceName)!, args);

    public static string Of(SlimException e) => Of(e.Diagnostic, e.Args);

    /// <summary>The only item of <paramref name="code"/> among what was reported, as text; fails listing all when there is not exactly one.</summary>
    public static string Single(RecordingDiagnostics diagnostics, SlimDiagnostic code)
    {
        var items = diagnostics.Items.Where(i => i.Diagnostic == code).ToList();
        Assert.AreEqual(1, items.Count, $"one {code} expected; reported: " + Listing(diagnostics));
        return Of(items[0].Diagnostic, items[0].Args);
    }

    public static string Listing(RecordingDiagnostics diagnostics) =>
        string.Join("\n", diagnostics.Items.Select(i => $"{i.Level} {i.Diagnostic.Code}: {Of(i.Diagnostic, i.Args)}"));
}
