using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Debian's docker-registry (artifacts/tools, from build/bootstrap.sh) on 127.0.0.1, a free port and temporary
/// storage, its request log kept. Missing binary: a skip locally, a failure when CI=true.
/// </summary>
internal sealed class LoopbackRegistry : IDisposable
{
    private readonly string folder = Path.Combine(SlimFeed.RunRoot, "registry-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringBuilder log = new();
    private readonly Process process;

    public LoopbackRegistry()
    {
        var binary = Binary();
        Directory.CreateDirectory(folder);
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            Port = ((IPEndPoint)l.LocalEndpoint).Port;
        }
        var config = Path.Combine(folder, "config.yml");
        File.WriteAllText(config, $"version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: {folder}/data\nhttp:\n  addr: 127.0.0.1:{Port}\n");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(config);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient();
        for (var i = 0; i < 80; i++)
        {
            try
            {
                if (http.GetAsync($"http://{Host}/v2/").GetAwaiter().GetResult().IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            Thread.Sleep(100);
        }
        Assert.Fail($"docker-registry did not start on {Host}:\n{Log}");
    }

    public int Port { get; }
    public string Host => $"127.0.0.1:{Port}";

    public string Log
    {
        get { lock (log) return log.ToString(); }
    }

    /// <summary>Requests that start or send a blob upload to <paramref name="repository"/>.</summary>
    public int BlobUploads(string repository) =>
        Log.Split('\n').Count(l => l.Contains("http.request.uri=\"/v2/" + repository + "/blobs/uploads", StringComparison.Ordinal)
                                   && (l.Contains("http.request.method=POST") || l.Contains("http.request.method=PUT") || l.Contains("http.request.method=PATCH")));

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static string Binary()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slim.Build.sln")))
            dir = dir.Parent;
        var path = dir is null ? "" : Path.Combine(dir.FullName, "artifacts", "tools", "docker-registry", "usr", "bin", "docker-registry");
        if (File.Exists(path))
            return path;
        var message = $"docker-registry is not at '{path}': run build/bootstrap.sh.";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail(message + " CI=true, so this is a failure, not a skip.");
        Console.Error.WriteLine("**** SKIPPED: " + message + " ****");
        Assert.Inconclusive("SKIPPED: " + message);
        return path;
    }
}
