using System.Text.RegularExpressions;

namespace Slim.Targets.Tests;

/// <summary>
/// SDK-private MSBuild names an MSBuild file uses: $(_X), @(_X), %(_X) and target names in BeforeTargets,
/// AfterTargets, DependsOnTargets, Targets and Name that start with an underscore and are not Slim's (_Slim...).
/// _IsPublishing is set by dotnet publish itself for every publish extension to read.
/// </summary>
internal static partial class SdkPrivateNames
{
    public static IEnumerable<string> In(string msbuildText)
    {
        var text = Comment().Replace(msbuildText, "");
        var names = Reference().Matches(text).Select(m => m.Groups[1].Value)
            .Concat(TargetList().Matches(text).SelectMany(m => m.Groups[1].Value.Split([';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)))
            .Where(n => n.StartsWith('_') && !n.StartsWith("_Slim", StringComparison.Ordinal) && n != "_IsPublishing" && !n.Contains('$'));
        return names.Distinct().Order();
    }

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"[$@%]\((_[A-Za-z][A-Za-z0-9_]*)")]
    private static partial Regex Reference();

    [GeneratedRegex(@"\b(?:BeforeTargets|AfterTargets|DependsOnTargets|Name|Targets)=""([^""]*)""")]
    private static partial Regex TargetList();
}
