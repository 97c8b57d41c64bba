using System.Reflection;

namespace Slim.Build.Tasks.Diagnostics;

/// <summary>
/// One message of Strings.resx: its SLIM code and the resource that holds its text. The fields of
/// <see cref="SlimDiagnostics"/> are the only instances, so the compiler checks every name.
/// </summary>
internal sealed record SlimDiagnostic(string Code, string ResourceName)
{
    /// <summary>The page that documents every code (docs/diagnostics.md), from the SlimHelpBase assembly metadata (PackageProjectUrl).</summary>
    public static readonly string HelpBase =
        typeof(SlimDiagnostic).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SlimHelpBase").Value!;

    /// <summary>The code's row in docs/diagnostics.md.</summary>
    public string HelpLink => $"{HelpBase}#{Code.ToLowerInvariant()}";

    public override string ToString() => $"{Code} ({ResourceName})";
}
