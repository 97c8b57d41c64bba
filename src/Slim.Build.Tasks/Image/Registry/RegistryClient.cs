using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image.Registry;

/// <summary>
/// The OCI distribution API of one registry over HttpClient: blobs (HEAD, GET verified by digest, monolithic
/// upload, cross-repository mount) and manifests (GET, PUT). Authenticates when the registry challenges (bearer
/// token with the request's scope, or basic), retries what <see cref="RetryPolicy"/> allows, and turns a
/// refusal into a SLIM error naming the registry, the repository and what the registry said.
/// </summary>
internal sealed class RegistryClient(RegistryEndpoint endpoint, RegistryCredential? credential, HttpClient http, RetryPolicy retry)
{
    private readonly RegistryAuthenticator authenticator = new(endpoint, credential, http, retry.RequestTimeout, retry.Cancellation);

    public RegistryEndpoint Endpoint => endpoint;

    public bool BlobExists(string repository, string digest)
    {
        using var response = Send(() => new HttpRequestMessage(HttpMethod.Head, Url($"v2/{repository}/blobs/{digest}")), repository, "pull", $"HEAD blob {digest}");
        return response.StatusCode switch
        {
            HttpStatusCode.OK => true,
            HttpStatusCode.NotFound => false,
            _ => throw RegistryErrors.For(response, endpoint.Registry, repository, $"HEAD blob {digest}", credential),
        };
    }

    /// <summary>Asks the registry to link a blob <paramref name="from"/> another repository it holds: no bytes travel.</summary>
    /// <returns>True when mounted; false when the registry declined (the blob is then uploaded).</returns>
    public bool TryMount(string repository, string digest, string from)
    {
        var what = $"mount blob {digest} from {from}";
        using var response = Send(() => new HttpRequestMessage(HttpMethod.Post, Url($"v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}&from={Uri.EscapeDataString(from)}")),
            repository, "pull,push", what, from);
        if (response.StatusCode == HttpStatusCode.Created)
            return true;
        if (response.StatusCode == HttpStatusCode.Accepted && response.Headers.Location is { } session)
            Cancel(repository, session);
        return false;
    }

    /// <summary>POST for an upload session, then one PUT with every byte and the digest (the spec's monolithic upload).</summary>
    public void UploadBlob(string repository, string digest, Func<Stream> open, long size)
    {
        var what = $"upload blob {digest}";
        using (var response = Send(() => new HttpRequestMessage(HttpMethod.Post, Url($"v2/{repository}/blobs/uploads/")) { Content = new ByteArrayContent([]) },
                   repository, "pull,push", what))
        {
            if (response.StatusCode != HttpStatusCode.Accepted || response.Headers.Location is null)
                throw RegistryErrors.For(response, endpoint.Registry, repository, what, credential);
            var location = new Uri(endpoint.BaseUri, response.Headers.Location);
            var target = new UriBuilder(location) { Query = (location.Query.Length > 1 ? location.Query[1..] + "&" : "") + "digest=" + Uri.EscapeDataString(digest) }.Uri;
            using var put = Send(() =>
            {
                var content = new StreamContent(open());
                content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Headers.ContentLength = size;
                return new HttpRequestMessage(HttpMethod.Put, target) { Content = content };
            }, repository, "pull,push", what);
            if (put.StatusCode != HttpStatusCode.Created)
                throw RegistryErrors.For(put, endpoint.Registry, repository, what, credential);
            CheckDigest(put, repository, what, digest);
        }
    }

    /// <returns>The digest the registry stored the manifest under (Docker-Content-Digest), checked against ours.</returns>
    public void PutManifest(string repository, string reference, byte[] manifest, string mediaType, string digest)
    {
        var what = $"PUT manifest {reference}";
        using var response = Send(() =>
        {
            var content = new ByteArrayContent(manifest);
            content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
            return new HttpRequestMessage(HttpMethod.Put, Url($"v2/{repository}/manifests/{reference}")) { Content = content };
        }, repository, "pull,push", what);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Accepted))
            throw RegistryErrors.For(response, endpoint.Registry, repository, what, credential);
        CheckDigest(response, repository, what, digest);
    }

    /// <summary>GET a manifest or index by tag or digest, accepting OCI and docker media types; a digest reference is verified.</summary>
    public (byte[] Content, string MediaType, string Digest) GetManifest(string repository, string reference)
    {
        var what = $"GET manifest {reference}";
        using var response = Send(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Url($"v2/{repository}/manifests/{reference}"));
            foreach (var type in MediaTypes.Accepted)
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            return request;
        }, repository, "pull", what);
        if (response.StatusCode != HttpStatusCode.OK)
            throw RegistryErrors.For(response, endpoint.Registry, repository, what, credential);
        var content = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var digest = Sha256Digest.Of(content);
        if (reference.StartsWith(Sha256Digest.Prefix, StringComparison.Ordinal) && reference != digest)
            throw new SlimException(SlimDiagnostics.RegistryDigestMismatch, endpoint.Registry, repository, what, reference, digest);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? MediaTypes.Sniff(content);
        return (content, mediaType, digest);
    }

    /// <summary>Streams a blob to <paramref name="destination"/> through a temp file, hashing as it goes; a blob whose bytes are not its digest is refused and never lands.</summary>
    public long DownloadBlob(string repository, string digest, string destination)
    {
        var what = $"GET blob {digest}";
        using var response = Send(() => new HttpRequestMessage(HttpMethod.Get, Url($"v2/{repository}/blobs/{digest}")), repository, "pull", what);
        if (response.StatusCode != HttpStatusCode.OK)
            throw RegistryErrors.For(response, endpoint.Registry, repository, what, credential);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = destination + ".part";
        string actual;
        long size;
        using (var source = response.Content.ReadAsStream())
        using (var file = File.Create(temp))
        using (var hashing = new HashingStream(file))
        {
            // The body is read as it comes: a cancelled build stops here, and the .part file is never trusted.
            source.CopyToAsync(hashing, retry.Cancellation).GetAwaiter().GetResult();
            actual = hashing.Digest;
            size = hashing.Length;
        }
        if (actual != digest)
        {
            File.Delete(temp);
            throw new SlimException(SlimDiagnostics.RegistryDigestMismatch, endpoint.Registry, repository, what, digest, actual);
        }
        File.Move(temp, destination, overwrite: true);
        return size;
    }

    private void Cancel(string repository, Uri session)
    {
        try
        {
            using var _ = http.Send(new HttpRequestMessage(HttpMethod.Delete, new Uri(endpoint.BaseUri, session)));
        }
        catch (HttpRequestException)
        {
            // An abandoned upload session expires on the registry's side.
        }
    }

    private void CheckDigest(HttpResponseMessage response, string repository, string what, string expected)
    {
        if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } stored && stored != expected)
            throw new SlimException(SlimDiagnostics.RegistryDigestMismatch, endpoint.Registry, repository, what, expected, stored);
    }

    private Uri Url(string path) => new(endpoint.BaseUri, path);

    /// <param name="actions">"pull" or "pull,push": the token scope's actions on <paramref name="repository"/>.</param>
    /// <param name="alsoPull">A second repository the request reads (a mount's source).</param>
    private HttpResponseMessage Send(Func<HttpRequestMessage> create, string repository, string actions, string what, string? alsoPull = null)
    {
        var scope = $"repository:{repository}:{actions}" + (alsoPull is null ? "" : $" repository:{alsoPull}:pull");
        var clock = Stopwatch.StartNew();
        var authenticated = false;
        for (var attempt = 1; ; attempt++)
        {
            var request = create();
            if (authenticator.HeaderFor(scope) is { } header)
                request.Headers.Authorization = header;
            HttpResponseMessage response;
            // Every attempt is bounded: a registry that takes the connection and never answers is given up on.
            var limit = retry.AttemptLimit(clock.Elapsed);
            if (limit <= TimeSpan.Zero)
                throw OutOfTime(repository, what, attempt - 1, "no time left");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(retry.Cancellation);
            timeout.CancelAfter(limit);
            if (request.Content is { } body)
                request.Content = new WatchedContent(body, () => timeout.CancelAfter(retry.IdleLimit()));
            try
            {
                response = http.Send(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            }
            catch (Exception e) when (!retry.Cancellation.IsCancellationRequested
                && (RetryPolicy.IsRetryable(e) || e is OperationCanceledException && timeout.IsCancellationRequested))
            {
                request.Dispose();
                var reason = e is OperationCanceledException && timeout.IsCancellationRequested
                    ? $"no answer within {retry.RequestTimeout.TotalSeconds:0.###} s (SlimRegistryTimeout)" : Inner(e);
                if (retry.DelayAfter(attempt, null, clock.Elapsed) is { } wait)
                {
                    retry.Pause(wait);
                    continue;
                }
                throw OutOfTime(repository, what, attempt, reason);
            }
            // The body has been sent (a layer's file stream is closed here); the response is read on its own.
            request.Content?.Dispose();
            if (response.StatusCode == HttpStatusCode.Unauthorized && !authenticated
                && AuthChallenge.Parse(response.Headers.WwwAuthenticate.ToString()) is { } challenge)
            {
                authenticated = true;
                if (authenticator.Authenticate(challenge, scope, repository))
                {
                    response.Dispose();
                    attempt--;
                    continue;
                }
                return response;
            }
            if (RetryPolicy.IsRetryable(response.StatusCode) && retry.DelayAfter(attempt, response.Headers.RetryAfter, clock.Elapsed) is { } delay)
            {
                response.Dispose();
                retry.Pause(delay);
                continue;
            }
            return response;
        }
    }

    /// <summary>SLIM5017 when the push's deadline is what ran out, else SLIM5005 after the bounded retries.</summary>
    private SlimException OutOfTime(string repository, string what, int attempts, string reason) =>
        retry.Deadline is { } deadline && DateTimeOffset.UtcNow >= deadline - TimeSpan.FromMilliseconds(50)
            ? new SlimException(SlimDiagnostics.PushDeadlineExceeded, endpoint.Registry, repository, what, reason)
            : new SlimException(SlimDiagnostics.RegistryUnreachable, endpoint.Registry, repository, what, attempts, reason);

    private static string Inner(Exception e)
    {
        while (e.InnerException is { } inner)
            e = inner;
        return e.Message;
    }
}
