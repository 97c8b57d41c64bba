using System.Net;
using System.Net.Sockets;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Registry;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>A loopback server that answers 503 and 429 before it answers: the client retries within its bounds, and gives up past them.</summary>
[TestClass]
public sealed class FlakyRegistryTests
{
    [TestMethod]
    public void ServerErrorsAndTooManyRequestsAreRetriedThenGivenUp()
    {
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var answers = new Queue<int>([503, 429, 200, 500, 500, 500]);
        var seen = 0;
        _ = Task.Run(() =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = listener.GetContext(); } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                Interlocked.Increment(ref seen);
                var status = answers.Count > 0 ? answers.Dequeue() : 500;
                context.Response.StatusCode = status;
                if (status == 429)
                    context.Response.AddHeader("Retry-After", "0");
                context.Response.Close();
            }
        });
        var client = new RegistryClient(RegistryEndpoint.For($"127.0.0.1:{port}", ""), null, SharedHttpClient.Instance,
            new RetryPolicy(3, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(5)));

        Assert.IsTrue(client.BlobExists("a/b", "sha256:" + new string('0', 64)), "503, 429, then 200");
        Assert.AreEqual(3, seen);

        var e = Assert.ThrowsExactly<SlimException>(() => client.BlobExists("a/b", "sha256:" + new string('1', 64)));
        Assert.AreEqual(SlimDiagnostics.RegistryRequestFailed, e.Diagnostic);
        StringAssert.Contains((string)e.Args[3], "500");
        Assert.AreEqual(6, seen, "three attempts, no more");
        listener.Stop();

        var down = Assert.ThrowsExactly<SlimException>(() => client.BlobExists("a/b", "sha256:" + new string('2', 64)));
        Assert.AreEqual(SlimDiagnostics.RegistryUnreachable, down.Diagnostic, "a refused connection, retried, then SLIM5005");
        Assert.AreEqual(3, down.Args[3]);
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
