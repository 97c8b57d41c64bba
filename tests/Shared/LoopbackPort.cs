using System.Net;
using System.Net.Sockets;

namespace Slim.Tests.Shared;

/// <summary>
/// A TCP port on 127.0.0.1 that nothing listens on now, for a server a test starts (a registry, a web app, a
/// container's published port): test classes that run at the same time never ask for the same fixed port.
/// </summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
