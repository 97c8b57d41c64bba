using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Image.Base;

/// <summary>What a base source may read: the reference, the app's platform and needs, and where state and caches go.</summary>
/// <param name="Shipped">The app's ELF files the platform loads, by their path in the publish folder: their PT_INTERP paths place the loader, their GLIBC needs are checked.</param>
/// <param name="Framework">The framework profile: the app runs on a shared runtime.</param>
/// <param name="RuntimeConfig">publish/&lt;App&gt;.runtimeconfig.json.</param>
/// <param name="RunsDotnet">The entrypoint is the dotnet host.</param>
/// <param name="WorkDirectory">obj/.../slim/image/.</param>
/// <param name="CacheDirectory">SlimCacheDirectory; empty: the per-user default.</param>
internal sealed record BaseRequest(
    BaseReference Reference,
    ImagePlatform Platform,
    string RuntimeIdentifier,
    RuntimeNeeds Needs,
    IReadOnlyList<(string File, ElfFile Elf)> Shipped,
    bool Framework,
    string ProjectName,
    string RuntimeConfig,
    bool RunsDotnet,
    bool PruneRuntimePieces,
    string? MachineLayerCache,
    string WorkDirectory,
    string CacheDirectory,
    string InsecureRegistries)
{
    /// <summary>The build's cancellation (Ctrl+C): a pull stops at once.</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>The package base's settings (SlimBaseSource=packages): the lock, the archive, the keyring, locked mode.</summary>
    public Packages.PackageSettings? Packages { get; init; }

    /// <summary>The container's environment sets SSL_CERT_FILE or SSL_CERT_DIR: .NET in the image reads that store alone.</summary>
    public bool AppNamesCertificateStore { get; init; }

    /// <summary>$(NuGetPackageRoot): where a framework app's shared runtime for another architecture comes from (its runtime packs).</summary>
    public string? NuGetPackageRoot { get; init; }
}
