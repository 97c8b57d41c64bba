namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>A web app's image that podman runs detached on the host's network, listening on a given port; removed on Dispose.</summary>
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

    public static WebContainer Start(string image, string namePrefix, int port)
    {
        var name = namePrefix + "-" + Environment.ProcessId;
        var started = Podman.Run(SlimFeed.RunRoot, "run", "-d", "--rm", "--name", name, "--network", "host", "-e", $"ASPNETCORE_HTTP_PORTS={port}", image);
        Assert.AreEqual(0, started.ExitCode, started.Output);
        return new WebContainer(name, port);
    }

    public void Dispose() => Podman.Run(SlimFeed.RunRoot, "rm", "-f", Name);
}
