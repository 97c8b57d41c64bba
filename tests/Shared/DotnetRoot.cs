using System.Runtime.InteropServices;

namespace Slim.Tests.Shared;

/// <summary>
/// The .NET installation the tests run on, as Slim finds it for a framework-dependent image: DOTNET_ROOT when it
/// holds one, else the installation of the runtime running this test (shared/Microsoft.NETCore.App/x.y.z, three
/// folders up). Never a fixed /usr/share/dotnet: dotnet-install puts it under ~/.dotnet.
/// </summary>
internal static class DotnetRoot
{
    public static string Folder { get; } = Find();

    /// <summary>shared/<paramref name="framework"/>/ of the installation, e.g. Microsoft.AspNetCore.App.</summary>
    public static string Shared(string framework) => Path.Combine(Folder, "shared", framework);

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root && Directory.Exists(Path.Combine(root, "shared")))
            return Path.GetFullPath(root);
        return Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
    }
}
