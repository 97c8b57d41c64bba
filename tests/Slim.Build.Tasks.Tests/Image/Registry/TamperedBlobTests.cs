using System.Net;
using System.Net.Sockets;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>A tiny registry on loopback (HttpListener) that serves a manifest honestly and a layer whose bytes are not its digest.</summary>
[TestClass]
public sealed class TamperedBlobTests
{
    [TestMethod]
    public void BlobWhoseContentIsNotItsDigestIsRefusedAndNeverCached()
    {
        using var temp = new TempFolder();
        var (image, _, _) = PushFixture.Write(Path.Combine(temp.Path, "image"), "tampered");
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(() =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = listener.GetContext(); } catch (HttpListenerException) { return; } catch (ObjectDisposedException) { return; }
                var path = context.Request.Url!.AbsolutePath;
                byte[] body;
                if (path.Contains("/manifests/"))
                {
                    body = image.Manifest;
                    context.Response.ContentType = MediaTypes.OciManifest;
                }
                else if (path.EndsWith(image.ConfigDigest, StringComparison.Ordinal))
                    body = image.Config;
                else
                    body = PushFixture.Utf8("not the layer you asked for");
                context.Response.StatusCode = 200;
                context.Response.OutputStream.Write(body);
                context.Response.Close();
            }
        });
        var cache = Path.Combine(temp.Path, "cache");
        var diagnostics = new RecordingDiagnostics();

        // One attempt, with a budget no loaded machine misses: the mismatch, not a timeout, must end the pull.
        var e = Assert.ThrowsExactly<Slim.Build.Tasks.Diagnostics.SlimException>(() => RegistryBaseSource.Pull($"127.0.0.1:{port}/evil/base:1", new ImagePlatform("amd64"), cache,
            PushFixture.NoCredentials(), "", SharedHttpClient.Instance, diagnostics, new RetryPolicy(1, TimeSpan.Zero, TimeSpan.FromSeconds(60))));

        listener.Stop();
        Assert.AreEqual(SlimDiagnostics.RegistryDigestMismatch, e.Diagnostic);
        Assert.AreEqual("evil/base", e.Args[1]);
        Assert.AreEqual(image.Layers[0].Digest, e.Args[3], "the digest asked for");
        Assert.AreNotEqual(e.Args[3], e.Args[4], "and the digest of what came");
        var stored = Directory.Exists(Path.Combine(cache, "blobs", "sha256")) ? Directory.GetFiles(Path.Combine(cache, "blobs", "sha256")) : [];
        Assert.IsFalse(stored.Any(f => f.EndsWith(Sha256Digest.Hex(image.Layers[0].Digest), StringComparison.Ordinal) || f.EndsWith(".part", StringComparison.Ordinal)),
            "nothing of the tampered blob is kept: " + string.Join(", ", stored));
        Assert.IsFalse(Directory.Exists(Path.Combine(cache, "layouts", Sha256Digest.Hex(image.ManifestDigest), "index.json")), "no layout names it");
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
