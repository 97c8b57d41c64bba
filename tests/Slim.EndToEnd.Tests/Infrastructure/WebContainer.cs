namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A web app's image that podman runs detached, its one exposed port published on a given host port: the app must
/// listen where the image says it does (no --network host, no port given to the app). Removed on Dispose.
/// </summary>
internal sealed class WebContainer : IDisposable
{
    private WebContainer(string name, int port)
    {
        Name = name;
        Url = $"http://127.0.0.1:{port}/";
    }

    /// <summary>The container's name: the prefix and this test run's process id.</summary>
    public string Name { get; }

    public string Url { get; }

    /// <param name="port">The host port; 0 (the default) for a free one, so classes that run at the same time never share one.</param>
    /// <param name="architecture">podman's --arch: arm64 runs another architecture's image under emulation (qemu-user-static).</param>
    public static WebContainer Start(string image, string namePrefix, int port = 0, string? architecture = null)
    {
        if (port == 0)
            port = LoopbackPort.Free();
        var name = namePrefix + "-" + Environment.ProcessId;
        var exposed = Podman.Inspect(image, "{{range $port, $_ := .Config.ExposedPorts}}{{$port}} {{end}}").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual(1, exposed.Length, $"{image} exposes {exposed.Length} ports: {string.Join(", ", exposed)}");
        StringAssert.EndsWith(exposed[0], "/tcp");
        string[] arch = architecture is null ? [] : ["--arch", architecture];
        var started = Podman.Run(SlimFeed.RunRoot, ["run", "-d", "--rm", "--name", name, .. arch, "-p", $"127.0.0.1:{port}:{exposed[0].Split('/')[0]}", image]);
        Assert.AreEqual(0, started.ExitCode, started.Output);
        return new WebContainer(name, port);
    }

    public void Dispose() => Podman.Run(SlimFeed.RunRoot, "rm", "-f", Name);
}
