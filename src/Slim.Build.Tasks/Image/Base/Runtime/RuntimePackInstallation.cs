namespace Slim.Build.Tasks.Image.Base.Runtime;

/// <summary>
/// A .NET installation for another architecture than this machine's, laid out from the runtime packs NuGet restored
/// (microsoft.netcore.app.runtime.&lt;rid&gt;, microsoft.aspnetcore.app.runtime.&lt;rid&gt;): each pack version's
/// runtimes/&lt;rid&gt;/lib/&lt;tfm&gt;/ and native/ files as shared/&lt;framework&gt;/&lt;version&gt;/, its libhostfxr.so as
/// host/fxr/&lt;version&gt;/. The folder holds links to the packs' files (the layer reads what they point at). The packs
/// carry no dotnet muxer: an image made from them starts the app's apphost.
/// </summary>
internal static class RuntimePackInstallation
{
    private static readonly string[] Frameworks = [DotnetInstallation.NetCoreApp, "Microsoft.AspNetCore.App"];

    /// <param name="packageRoot">NuGet's package folder ($(NuGetPackageRoot)).</param>
    /// <param name="folder">Where the installation is laid out; made anew.</param>
    /// <returns>Null when no Microsoft.NETCore.App runtime pack for <paramref name="runtimeIdentifier"/> is there.</returns>
    public static DotnetInstallation? Create(string packageRoot, string runtimeIdentifier, string folder)
    {
        var rid = runtimeIdentifier.ToLowerInvariant();
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        foreach (var framework in Frameworks)
        {
            var pack = Path.Combine(packageRoot, $"{framework.ToLowerInvariant()}.runtime.{rid}");
            if (!Directory.Exists(pack))
                continue;
            foreach (var versionFolder in Directory.EnumerateDirectories(pack))
            {
                if (FrameworkVersion.TryParse(Path.GetFileName(versionFolder)) is not { } version)
                    continue;
                var assets = Path.Combine(versionFolder, "runtimes", rid);
                var target = Path.Combine(folder, "shared", framework, version.ToString());
                foreach (var lib in Directory.Exists(Path.Combine(assets, "lib")) ? Directory.EnumerateDirectories(Path.Combine(assets, "lib")) : [])
                    LinkFiles(lib, target);
                var native = Path.Combine(assets, "native");
                if (Directory.Exists(native))
                    LinkFiles(native, target);
                var hostFxr = Path.Combine(target, "libhostfxr.so");
                if (File.Exists(hostFxr))
                {
                    var fxrFolder = Path.Combine(folder, "host", "fxr", version.ToString());
                    Directory.CreateDirectory(fxrFolder);
                    File.Move(hostFxr, Path.Combine(fxrFolder, "libhostfxr.so"));
                }
            }
        }
        return Directory.Exists(Path.Combine(folder, "shared", DotnetInstallation.NetCoreApp)) ? new DotnetInstallation(folder) : null;
    }

    private static void LinkFiles(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
            File.CreateSymbolicLink(Path.Combine(target, Path.GetFileName(file)), file);
    }
}
