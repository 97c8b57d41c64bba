using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>
/// A few lines of HTTP/1.1 on every address of this machine, for what docker-registry cannot be made to do
/// (answer 403, challenge from a host that is not loopback): each request's line and headers are kept, and
/// each gets the answer the test gives for it (status, headers and a JSON body; then the connection closes).
/// </summary>
internal sealed class StandInRegistry : IDisposable
{
    // Every address, IPv4 and IPv6: the host name may resolve to either.
    private readonly TcpListener listener = new(IPAddress.IPv6Any, 0) { Server = { DualMode = true } };
    private readonly List<string> requests = [];

    /// <param name="answer">From a request's line and headers, the status ("401 Unauthorized"), headers (each ending in CRLF) and body.</param>
    public StandInRegistry(Func<string, (string Status, string Headers, string Body)> answer)
    {
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    var stream = client.GetStream();
                    var head = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!head.ToString().Contains("\r\n\r\n") && await stream.ReadAsync(buffer) is var read and > 0)
                        head.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    lock (requests) requests.Add(head.ToString());
                    var (status, headers, body) = answer(head.ToString());
                    await stream.WriteAsync(Encoding.UTF8.GetBytes($"HTTP/1.1 {status}\r\n{headers}Content-Type: application/json\r\n"
                        + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}"));
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException) { return; }
            }
        });
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>This machine by its host name, which Slim must treat as another machine: not localhost, not a loopback address.</summary>
    public string RemoteHost => $"{Dns.GetHostName().ToLowerInvariant()}:{Port}";

    public string LoopbackHost => $"127.0.0.1:{Port}";

    /// <summary>Each request's line and headers, as received.</summary>
    public IReadOnlyList<string> Requests
    {
        get { lock (requests) return [.. requests]; }
    }

    public void Dispose() => listener.Stop();
}
