using System.Text;
using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Files;

/// <summary>
/// MSBuild-style globs over paths relative to the publish folder: '*' and '?' stay inside one
/// folder, '**' spans folders. 'createdump' matches only the file at the root.
/// </summary>
internal static class Glob
{
    public static Regex ToRegex(string pattern)
    {
        var normalized = pattern.Replace('\\', '/').TrimStart('/');
        var regex = new StringBuilder("^");
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '*' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                var followedBySlash = i + 2 < normalized.Length && normalized[i + 2] == '/';
                regex.Append(followedBySlash ? "(.*/)?" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else if (c == '*') regex.Append("[^/]*");
            else if (c == '?') regex.Append("[^/]");
            else regex.Append(Regex.Escape(c.ToString()));
        }
        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant);
    }

    public static bool IsMatch(string pattern, string relativePath) =>
        ToRegex(pattern).IsMatch(relativePath.Replace('\\', '/'));
}
