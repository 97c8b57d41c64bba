using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// Framework-dependent apps (SlimProfile=framework: apphost, app dll, runtimeconfig) get an image whose auto
/// base carries this machine's shared runtime in a layer of its own, at the version the app rolls forward to:
/// a `dotnet new web` app answers HTTP as the non-root app user, and a console app formats a date with a
/// named culture (ICU in the base) as it does on the host.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class FrameworkImageTests
{
    private const string ConsoleProgram = """
        using System.Globalization;
        var uid = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:")).Split('\t')[1];
        Console.WriteLine($"uid {uid}|{new DateTime(2026, 11, 30).ToString("D", CultureInfo.GetCultureInfo("de-DE"))}|{Environment.Version}");
        """;

    private static TestApp _web = null!;
    private static PublishResult _webPublish = null!;
    private static TestApp _console = null!;
    private static PublishResult _consolePublish = null!;

    [ClassInitialize]
    public static void PublishBoth(TestContext _)
    {
        Podman.RequireOrSkip();
        _web = TestApp.Web("FdWeb", SlimForm.PackageReference, "<SlimProfile>framework</SlimProfile>");
        _webPublish = _web.Publish();
        Assert.AreEqual(0, _webPublish.ExitCode, _webPublish.Describe());
        _console = TestApp.Console("FdConsole", SlimForm.PackageReference, "<SlimProfile>framework</SlimProfile>", "", ConsoleProgram);
        _consolePublish = _console.Publish();
        Assert.AreEqual(0, _consolePublish.ExitCode, _consolePublish.Describe());
    }

    [TestMethod]
    public async Task The_web_image_answers_http_as_the_app_user_on_the_shared_runtime_layer()
    {
        var image = Files.Json(Path.Combine(_webPublish.SlimDirectory, "report.json")).GetProperty("image");
        // This machine's added CAs, when it has any, sit in a layer of their own (PackageBaseTests shows it).
        var holds = image.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("holds").GetString()!)
            .Where(h => !h.StartsWith("trust: ", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(3, holds.Count, string.Join(" / ", holds));
        StringAssert.StartsWith(holds[0], "base: glibc, openssl, ca-certificates", string.Join(" / ", holds));
        var version = Directory.GetDirectories(DotnetRoot.Shared("Microsoft.AspNetCore.App")).Select(Path.GetFileName).Max();
        StringAssert.Contains(holds[1], "shared runtime: Microsoft.NETCore.App ", string.Join(" / ", holds));
        StringAssert.Contains(holds[1], "Microsoft.AspNetCore.App " + version, string.Join(" / ", holds));
        Assert.AreEqual("app", holds[2]);
        StringAssert.Contains(image.GetProperty("base").GetProperty("name").GetString(), "Microsoft.AspNetCore.App");

        var loaded = Podman.Run(_web.Directory, "load", "-i", Path.Combine(_webPublish.SlimDirectory, "image.tar"));
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        const string tag = "localhost/fdweb:1.0.0";
        Assert.AreEqual("1654", Podman.Inspect(tag, "{{.Config.User}}"));
        StringAssert.Contains(Podman.Inspect(tag, "{{json .Config.Env}}"), "DOTNET_ROOT=/usr/share/dotnet");

        using var container = WebContainer.Start(tag, "slim-e2e-fdweb");
        var answer = await Http.GetWithin(container.Url, TimeSpan.FromSeconds(40));
        Assert.AreEqual("Hello World!", answer, "no answer; logs:\n" + Podman.Run(SlimFeed.RunRoot, "logs", container.Name).Output);
        var top = Podman.Run(SlimFeed.RunRoot, "top", container.Name, "user");
        Assert.AreEqual(0, top.ExitCode, top.Output);
        var users = top.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).ToList();
        Assert.IsTrue(users.Count > 0 && users.All(u => u is "app" or "1654"), "a process runs as another user than app:\n" + top.Output);
    }

    [TestMethod]
    public void The_console_image_formats_a_named_culture_as_the_host_does()
    {
        var host = ProcessRunner.Run(Path.Combine(_consolePublish.PublishDirectory, "FdConsole"), [], _consolePublish.PublishDirectory).Output.Trim();
        StringAssert.Contains(host, "|Montag, 30. November 2026|", "the app itself misbehaves on this machine");

        var loaded = Podman.Run(_console.Directory, "load", "-i", Path.Combine(_consolePublish.SlimDirectory, "image.tar"));
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        var run = Podman.Run(_console.Directory, "run", "--rm", "localhost/fdconsole:1.0.0");
        Assert.AreEqual(0, run.ExitCode, run.Output);
        Assert.AreEqual("uid 1654" + host[host.IndexOf('|')..], run.Output.Trim(), "the image does not behave as the host: " + run.Output);

        var holds = Files.Json(Path.Combine(_consolePublish.SlimDirectory, "report.json")).GetProperty("image").GetProperty("layers")
            .EnumerateArray().Select(l => l.GetProperty("holds").GetString()!).ToList();
        StringAssert.Contains(holds[0], "icu", string.Join(" / ", holds));
        Assert.IsFalse(holds[1].Contains("AspNetCore"), "a console app got ASP.NET Core: " + holds[1]);
    }

    [TestMethod]
    public void The_web_publish_s_report_html_renders_in_a_browser_with_its_image_layers()
    {
        Chromium.RequireOrSkip();
        var (dom, log) = Chromium.DumpDom(Path.Combine(_webPublish.SlimDirectory, "report.html"));

        var errors = Chromium.ConsoleLines(log);
        Assert.AreEqual(0, errors.Count, "script errors:\n" + string.Join("\n", errors));
        StringAssert.Contains(dom, "data-rendered=\"true\"", "the script did not finish:\n" + log);
        Assert.IsFalse(dom.Contains("<p class=\"error\">"), "a section failed to draw:\n" + System.Text.RegularExpressions.Regex.Match(dom, "<p class=\"error\">[^<]*").Value);
        StringAssert.Contains(dom, "<h1 id=\"app-name\">FdWeb</h1>");
        StringAssert.Contains(dom, " on the wire");
        foreach (var layer in new[] { "layer: base: glibc", "layer: shared runtime: Microsoft.NETCore.App", "layer: app" })
            StringAssert.Contains(dom, layer, "the treemap lacks a rectangle for the image's " + layer);
        var rectangles = System.Text.RegularExpressions.Regex.Matches(dom, "class=\"tm-node ").Count;
        Assert.IsTrue(rectangles >= 6, $"the treemap drew {rectangles} rectangle(s) for an image of three layers");
    }

    [TestMethod]
    public void A_publish_folder_inside_the_project_gives_one_digest_with_web_config_and_without_slims_own_files()
    {
        // -o publish puts Slim's folder (report.json...) in the project, where the Web SDK globs *.json as content,
        // and the Web SDK writes web.config after Publish: both once made a republish's image differ from the first.
        string Digest() => Files.Json(Path.Combine(_web.Directory, "slim", "report.json"))
            .GetProperty("image").GetProperty("digest").GetString()!;
        var first = _web.Republish("-o", "publish");
        Assert.AreEqual(0, first.ExitCode, first.Describe());
        var files = Files.Json(Path.Combine(_web.Directory, "slim", "report.json")).GetProperty("files").EnumerateArray()
            .Select(f => f.GetProperty("path").GetString()).ToList();
        CollectionAssert.Contains(files, "web.config", "the first publish's report misses the web.config the Web SDK writes");
        var digest = Digest();

        var again = _web.Publish("-o", "publish");
        Assert.AreEqual(0, again.ExitCode, again.Describe());
        Assert.IsFalse(Directory.Exists(Path.Combine(_web.Directory, "publish", "slim")) && Directory.EnumerateFileSystemEntries(Path.Combine(_web.Directory, "publish", "slim")).Any(),
            "Slim's own outputs were published as the app's content");
        Assert.AreEqual(digest, Digest(), "an unchanged republish gave another image");
    }
}
