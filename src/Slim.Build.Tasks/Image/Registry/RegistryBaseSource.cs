using System.Runtime.InteropServices;
using System.Text;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Oci;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// Pulls a base image from a registry into the per-user cache and returns it as an OCI image layout folder
/// (oci-layout, index.json naming the one manifest, blobs/sha256/...). The manifest list is resolved to the
/// platform; every blob is verified by digest as it downloads and is kept once, by digest, under
/// &lt;cache&gt;/blobs/sha256/; each image's layout is &lt;cache&gt;/layouts/&lt;manifest hex&gt;/ (hard links into the
/// blob store). &lt;cache&gt;/refs/ records which manifest a reference resolved to, so a build without the network
/// uses the cached copy; a digest-pinned reference already in the cache needs no network at all.
/// </summary>
internal static class RegistryBaseSource
{
    /// <param name="reference">ContainerBaseImage: registry/repository:tag or @sha256:...</param>
    /// <param name="insecureRegistries">SlimInsecureRegistries.</param>
    /// <returns>The layout folder, or null after reporting why not.</returns>
    public static string? Pull(string reference, ImagePlatform platform, string cacheRoot, CredentialStore credentials, string insecureRegistries,
        HttpClient http, IDiagnostics diagnostics, RetryPolicy? retry = null)
    {
        if (RegistryReference.TryParse(reference) is not { } parsed)
        {
            diagnostics.Error(SlimDiagnostics.RegistryInvalidReference, "ContainerBaseImage", reference);
            return null;
        }
        var record = RecordPath(cacheRoot, parsed, platform);
        if (parsed.Digest is not null && Cached(record, cacheRoot, reference, diagnostics) is { } pinned)
            return pinned;
        var endpoint = RegistryEndpoint.For(parsed.Registry, insecureRegistries);
        try
        {
            var client = new RegistryClient(endpoint, credentials.Find(parsed.Registry), http, retry ?? RetryPolicy.Default);
            var layout = Download(client, parsed, platform, cacheRoot, diagnostics);
            if (layout is not null)
                AtomicFile.WriteAllTextIfChanged(record, layout + "\n");
            return layout;
        }
        catch (SlimException e) when (e.Diagnostic == SlimDiagnostics.RegistryUnreachable)
        {
            if (Cached(record, cacheRoot, reference, diagnostics) is { } cached)
            {
                diagnostics.Notice(SlimDiagnostics.BaseFromCacheOffline, parsed.ToString(), endpoint.Registry, cached);
                return cached;
            }
            diagnostics.Error(SlimDiagnostics.BaseUnavailable, parsed.ToString(), endpoint.Registry, string.Join(", ", e.Args.Skip(4)), cacheRoot);
            return null;
        }
    }

    /// <summary>SlimCacheDirectory when set, else $XDG_CACHE_HOME/slim, else ~/.cache/slim.</summary>
    public static string CacheRoot(string configured, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Path.GetFullPath(configured.Trim());
        if (environment("XDG_CACHE_HOME") is { Length: > 0 } xdg)
            return Path.Combine(xdg, "slim");
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "slim");
    }

    private static string? Download(RegistryClient client, RegistryReference reference, ImagePlatform platform, string cacheRoot, IDiagnostics diagnostics)
    {
        var (content, mediaType, digest) = client.GetManifest(reference.Repository, reference.ManifestReference);
        if (MediaTypes.IsIndex(mediaType))
        {
            var index = Read(() => OciJsonReader.ReadIndex(content), reference);
            if (index.For(platform) is not { } chosen)
            {
                diagnostics.Error(SlimDiagnostics.RegistryBasePlatformMissing, reference.ToString(), platform.Describe(), index.Platforms);
                return null;
            }
            (content, mediaType, digest) = client.GetManifest(reference.Repository, chosen.Digest);
        }
        var manifest = Read(() => OciJsonReader.ReadManifest(content), reference);
        var layout = Path.Combine(cacheRoot, "layouts", Sha256Digest.Hex(digest));
        if (CachedLayout.IsIntact(layout, cacheRoot, reference.ToString(), diagnostics))
            return layout;
        var store = Path.Combine(cacheRoot, "blobs", "sha256");
        long downloaded = 0;
        foreach (var blob in new[] { manifest.Config }.Concat(manifest.Layers).Select(d => d.Digest))
        {
            var stored = Path.Combine(store, Sha256Digest.Hex(blob));
            if (!File.Exists(stored))
                downloaded += client.DownloadBlob(reference.Repository, blob, stored);
            Link(stored, Path.Combine(layout, "blobs", "sha256", Sha256Digest.Hex(blob)));
        }
        File.WriteAllBytes(Path.Combine(layout, "blobs", "sha256", Sha256Digest.Hex(digest)), content);
        File.WriteAllText(Path.Combine(layout, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        // index.json is written last: its presence means the layout is whole.
        AtomicFile.WriteAllText(Path.Combine(layout, "index.json"), Encoding.UTF8.GetString(OciJsonWriter.Write(new ImageIndex([new Descriptor(mediaType, digest, content.Length,
            Annotations: [KeyValuePair.Create(Annotations.RefName, reference.ToString()), KeyValuePair.Create(Annotations.BaseDigest, digest)])]))));
        diagnostics.Info($"Slim: pulled base {reference} ({digest}), {downloaded:N0} bytes downloaded, into {layout}");
        return layout;
    }

    private static T Read<T>(Func<T> read, RegistryReference reference)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new SlimException(SlimDiagnostics.RegistryRequestFailed, reference.ToString(), "", "read the manifest", "not an image manifest", e.Message);
        }
    }

    private static string RecordPath(string cacheRoot, RegistryReference reference, ImagePlatform platform)
    {
        var safeRegistry = reference.Registry.Replace(':', '_').Replace('[', '_').Replace(']', '_');
        var name = (reference.Digest ?? reference.Tag ?? "latest").Replace(':', '_') + "." + platform.Os + "-" + platform.Architecture + (platform.Variant ?? "");
        return Path.Combine(cacheRoot, "refs", safeRegistry, reference.Repository, name);
    }

    private static string? Cached(string record, string cacheRoot, string reference, IDiagnostics diagnostics)
    {
        if (!File.Exists(record))
            return null;
        var layout = File.ReadAllText(record).Trim();
        return CachedLayout.IsIntact(layout, cacheRoot, reference, diagnostics) ? layout : null;
    }

    /// <summary>A hard link where the file system allows it (the blob is stored once), else a copy.</summary>
    private static void Link(string source, string destination)
    {
        if (File.Exists(destination))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        try
        {
            if (!OperatingSystem.IsWindows() && link(source, destination) == 0)
                return;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
        File.Copy(source, destination, overwrite: true);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int link(string oldpath, string newpath);
}
