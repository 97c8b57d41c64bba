using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// The same app published from two folders, the second by another user (another HOME, so an empty layer cache and
/// no first-run state, and no build server of the run's: MSBuild and the compiler start cold, as this machine's
/// shell runs them) with the same packages, gives the same image digest for every profile: Slim maps the
/// project folder with PathMap, which the compiler otherwise writes into the assembly and NativeAOT into the
/// executable's build-id and .dbg link. Without the mapping (SlimMapSourcePaths=false) the digests differ, so the
/// equality is the mapping's doing.
/// </summary>
[TestClass]
public sealed class ReproducibleFolderTests
{
    private const string Program = """
        Console.WriteLine($"Hello from {System.Reflection.Assembly.GetEntryAssembly()!.GetName().Name}");
        """;

    [TestMethod]
    [DataRow("aot", "<PublishAot>true</PublishAot>")]
    [DataRow("trimmed", "<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>")]
    [DataRow("framework", "<SlimProfile>framework</SlimProfile><RuntimeIdentifier>linux-x64</RuntimeIdentifier>")]
    public void Another_folder_and_another_home_give_the_same_digest(string profile, string properties)
    {
        var (here, there) = PublishTwice("Rep" + profile, properties);
        Assert.AreEqual(profile, Report(here).GetProperty("project").GetProperty("profile").GetString());
        Assert.AreEqual(Digest(here), Digest(there),
            $"{profile}: the same app from {here.PublishDirectory} and {there.PublishDirectory} (another HOME) gives two images");
    }

    [TestMethod]
    public void Without_the_mapping_the_folder_leaks_into_the_image()
    {
        var (here, there) = PublishTwice("RepUnmapped", "<SlimProfile>framework</SlimProfile><RuntimeIdentifier>linux-x64</RuntimeIdentifier><SlimMapSourcePaths>false</SlimMapSourcePaths>");
        Assert.AreNotEqual(Digest(here), Digest(there), "the negative control: an unmapped folder should change the app's assembly");
    }

    [TestMethod]
    public void The_projects_own_path_map_comes_first()
    {
        var app = TestApp.Console("RepOwnMap", SlimForm.PackageReference,
            "<SlimProfile>framework</SlimProfile><RuntimeIdentifier>linux-x64</RuntimeIdentifier><PathMap>$(MSBuildProjectDirectory)/=/src/</PathMap>", "",
            "Console.WriteLine(Where()); static string Where([System.Runtime.CompilerServices.CallerFilePath] string file = \"\") => file;");
        var publish = app.Publish();
        Assert.AreEqual(0, publish.ExitCode, publish.Describe());
        var printed = ProcessRunner.Run(Path.Combine(publish.PublishDirectory, "RepOwnMap"), [], publish.PublishDirectory).Output.Trim();
        Assert.AreEqual("/src/Program.cs", printed, "the project's own PathMap must win over Slim's /_/");
    }

    private static (PublishResult Here, PublishResult There) PublishTwice(string name, string properties)
    {
        var first = TestApp.Console(name, SlimForm.PackageReference, properties, "", Program);
        var here = first.Publish();
        Assert.AreEqual(0, here.ExitCode, here.Describe());

        var second = TestApp.Console(name, SlimForm.PackageReference, properties, "", Program, folder: Path.Combine("elsewhere", "deeper", name));
        var home = Path.Combine(SlimFeed.RunRoot, "homes", name);
        Directory.CreateDirectory(home);
        // Another user builds with no server of the run's: the path this machine's own shell takes.
        var there = second.PublishWith(new Dictionary<string, string>(BuildServers.Off()) { ["HOME"] = home, ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache") });
        Assert.AreEqual(0, there.ExitCode, there.Describe());
        Assert.IsTrue(Directory.Exists(Path.Combine(home, ".cache", "slim")), $"the second publish did not use the other HOME's (empty) cache:\n{there.Output}");
        return (here, there);
    }

    private static System.Text.Json.JsonElement Report(PublishResult publish) => Files.Json(Path.Combine(publish.SlimDirectory, "report.json"));

    private static string Digest(PublishResult publish) => Report(publish).GetProperty("image").GetProperty("digest").GetString()!;
}
