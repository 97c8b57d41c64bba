using System.Diagnostics;
using System.Net;
using System.Text;

namespace Slim.Tests.Shared;

/// <summary>
/// Debian's docker-registry (artifacts/tools, from build/bootstrap.sh) served on 127.0.0.1, a free port and a
/// temporary storage folder, with htpasswd authentication when a line is given. Its log (one line per request,
/// with http.request.method and uri) is kept. Missing binary: inconclusive locally, a failure when CI=true.
/// Linked into the unit and the end-to-end test projects.
/// </summary>
internal sealed class LocalRegistry : IDisposable
{
    private readonly string folder;
    private readonly StringBuilder log = new();
    private readonly Process process;

    /// <param name="htpasswd">"user:&lt;bcrypt hash&gt;" (docker-registry takes bcrypt only) to require basic authentication; null for none.</param>
    /// <param name="parentFolder">Where the registry's config and storage folder goes; the system's temp folder when null.</param>
    public LocalRegistry(string? htpasswd = null, string? parentFolder = null)
    {
        var binary = Binary();
        folder = Path.Combine(parentFolder ?? Path.GetTempPath(), "slim-registry-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        Port = LoopbackPort.Free();
        var config = new StringBuilder()
            .Append("version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: true\n")
            .Append($"storage:\n  filesystem:\n    rootdirectory: {Path.Combine(folder, "data")}\n")
            .Append($"http:\n  addr: 127.0.0.1:{Port}\n");
        if (htpasswd is not null)
        {
            var htpasswdPath = Path.Combine(folder, "htpasswd");
            File.WriteAllText(htpasswdPath, htpasswd + "\n");
            config.Append($"auth:\n  htpasswd:\n    realm: slim-test\n    path: {htpasswdPath}\n");
        }
        var configPath = Path.Combine(folder, "config.yml");
        File.WriteAllText(configPath, config.ToString());
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(configPath);
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        WaitUntilServing();
    }

    public int Port { get; }
    public string Host => $"127.0.0.1:{Port}";

    public string Log
    {
        get { lock (log) return log.ToString(); }
    }

    /// <summary>Requests that start or continue a blob upload (POST/PUT/PATCH .../blobs/uploads) for a repository.</summary>
    public int BlobUploadRequests(string repository) =>
        Log.Split('\n').Count(l => l.Contains("http.request.uri=\"/v2/" + repository + "/blobs/uploads", StringComparison.Ordinal)
                                   && (l.Contains("http.request.method=POST") || l.Contains("http.request.method=PUT") || l.Contains("http.request.method=PATCH")));

    public void Stop()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        process.Dispose();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private void WaitUntilServing()
    {
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

    private static string Binary()
    {
        var path = Path.Combine(Repository.Root, "artifacts", "tools", "docker-registry", "usr", "bin", "docker-registry");
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
