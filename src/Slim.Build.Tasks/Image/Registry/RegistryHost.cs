using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>ContainerRegistry as the .NET SDK takes it: a host with an optional port, no scheme, no path.</summary>
internal static class RegistryHost
{
    private static readonly Regex Pattern = new(@"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:]+\])(?::[0-9]{1,5})?$", RegexOptions.CultureInvariant);

    public static bool IsValid(string registry) => Pattern.IsMatch(registry.Trim());
}
