using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.Image.Registry;

namespace Slim.Build.Tasks.Image.Base.Layout;

/// <summary>
/// A base read from an OCI image layout: a folder or archive on disk, read where it is, or a registry image
/// pulled into the per-user cache as a layout first. Its layers go into the image unchanged, its config's
/// environment and labels under the project's, and its glibc is checked against the app's needs.
/// </summary>
internal sealed class LayoutBaseSource : IBaseSource
{
    public BaseImage? Resolve(BaseRequest request, IDiagnostics diagnostics)
    {
        var external = Read(request, diagnostics);
        if (external is null || !GlibcCheck.CheckOrWarn(request.Shipped, external.Glibc, external.Reference, diagnostics))
            return null;
        return new BaseImage(request.Reference.Text, new BaseSummary(external.Kind, external.Reference, external.ManifestDigest), external.Layers,
            "base: " + request.Reference.Text, [], external.Config.Environment, external.Config.Labels, History(external), external.ManifestDigest, external.Packages)
        {
            OsRelease = external.OsRelease,
        };
    }

    private static ExternalBase? Read(BaseRequest request, IDiagnostics diagnostics)
    {
        var reference = request.Reference;
        if (reference.Kind != BaseKind.Registry)
            return OciLayoutBase.Read(reference, request.Platform, request.WorkDirectory, diagnostics);
        var layout = RegistryBaseSource.Pull(reference.Text, request.Platform, RegistryBaseSource.CacheRoot(request.CacheDirectory, Environment.GetEnvironmentVariable),
            CredentialStore.FromProcess(), request.InsecureRegistries, SharedHttpClient.Instance, diagnostics,
            RetryPolicy.Default with { Cancellation = request.Cancellation });
        if (layout is null)
            return null;
        return OciLayoutBase.Read(reference with { Kind = BaseKind.OciLayout, Path = layout }, request.Platform, request.WorkDirectory, diagnostics) is { } read
            ? read with { Kind = reference.KindName, Reference = reference.Text }
            : null;
    }

    /// <summary>
    /// The base's history, when it accounts for each of its layers (entries without empty_layer); otherwise one
    /// entry per base layer, so the history still lines up with rootfs.diff_ids.
    /// </summary>
    public static IReadOnlyList<HistoryEntry> History(ExternalBase external) =>
        external.Config.History.Count(h => !h.EmptyLayer) == external.Layers.Count
            ? external.Config.History
            : [.. external.Layers.Select(_ => new HistoryEntry(null, "base: " + external.Reference))];
}
