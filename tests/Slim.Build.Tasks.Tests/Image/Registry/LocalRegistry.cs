using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Registry;

/// <summary>
/// Debian's docker-registry (artifacts/tools, from build/bootstrap.sh) served on 127.0.0.1, a free port and a
/// temporary storage folder, with htpasswd (bcrypt) authentication when a user is given. Its log (one line per
/// request, with http.request.method and uri) is kept. Missing binary: inconclusive locally, a failure when CI=true.
/// </summary>
internal sealed class LocalRegistry : IDisposable
{
    private readonly TempFolder folder = new();
    private readonly StringBuilder log = new();
    private Process? process;

    public LocalRegistry(string? user = null, string? password = null)
    {
        User = user;
        Password = password;
        Port = FreePort();
        Start();
    }

    public int Port { get; }
    public string? User { get; }
    public string? Password { get; }
    public string Host => $"127.0.0.1:{Port}";
    public string StoragePath => Path.Combine(folder.Path, "data");

    public string Log
    {
        get { lock (log) return log.ToString(); }
    }

    /// <summary>Requests that start or continue a blob upload (POST/PUT/PATCH .../blobs/uploads) for a repository.</summary>
    public int BlobUploadRequests(string repository) =>
        Log.Split('\n').Count(l => l.Contains("http.request.uri=\"/v2/" + repository + "/blobs/uploads", StringComparison.Ordinal)
                                   && (l.Contains("http.request.method=POST") || l.Contains("http.request.method=PUT") || l.Contains("http.request.method=PATCH")));

    public static string Binary()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slim.Build.sln")))
            dir = dir.Parent;
        var path = dir is null ? "" : Path.Combine(dir.FullName, "artifacts", "tools", "docker-registry", "usr", "bin", "docker-registry");
        if (!File.Exists(path))
        {
            var message = $"docker-registry is not at '{path}': run build/bootstrap.sh.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(message);
            Assert.Inconclusive(message);
        }
        return path;
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        process?.Dispose();
        folder.Dispose();
    }

    private void Start()
    {
        var binary = Binary();
        var config = new StringBuilder()
            .Append("version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: true\n")
            .Append($"storage:\n  filesystem:\n    rootdirectory: {StoragePath}\n")
            .Append($"http:\n  addr: 127.0.0.1:{Port}\n");
        if (User is not null)
        {
            var htpasswd = folder.File("htpasswd", Encoding.UTF8.GetBytes($"{User}:{BCrypt.Net.BCrypt.HashPassword(Password, 5)}\n"));
            config.Append($"auth:\n  htpasswd:\n    realm: slim-test\n    path: {htpasswd}\n");
        }
        var configPath = folder.File("config.yml", Encoding.UTF8.GetBytes(config.ToString()));
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(configPath);
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
                using var response = http.GetAsync($"http://{Host}/v2/").GetAwaiter().GetResult();
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            Thread.Sleep(100);
        }
        Assert.Fail($"docker-registry did not start on {Host}:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
