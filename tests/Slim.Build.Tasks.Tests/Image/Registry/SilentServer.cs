using System.Net;
using System.Net.Sockets;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>Accepts every connection on loopback and keeps it open without reading or answering.</summary>
internal sealed class SilentServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private int accepted;

    public SilentServer()
    {
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    var client = await listener.AcceptTcpClientAsync();
                    lock (held) held.Add(client);
                    Interlocked.Increment(ref accepted);
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
            }
        });
    }

    public string Host => $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    public int Accepted => Volatile.Read(ref accepted);

    public void Dispose()
    {
        listener.Stop();
        lock (held)
            foreach (var client in held)
                client.Dispose();
    }
}
