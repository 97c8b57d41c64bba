using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// What docs/app-sweep.md found Slim changing in real apps, in one framework-dependent publish without a RID (the
/// PackageReference form's default): a native NuGet library (Microsoft.Data.Sqlite ships libe_sqlite3.so for a
/// dozen RIDs), satellite resources read under LANG, and a TZ the image sets. Host and image must print the same.
/// </summary>
[TestClass]
[TestCategory("Container")]
public sealed class AppSweepTests
{
    private const string Program = """
        using Microsoft.Data.Sqlite;
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        var command = db.CreateCommand();
        command.CommandText = "create table t(name text); insert into t values ('alpha'), ('beta'); select group_concat(name, ',') from t;";
        Console.WriteLine($"sqlite {command.ExecuteScalar()}");
        Console.WriteLine($"resource {new System.Resources.ResourceManager("Sweep.Strings", typeof(Program).Assembly).GetString("Hello")}");
        Console.WriteLine($"culture {System.Globalization.CultureInfo.CurrentCulture.Name} {1234.5:N1}");
        Console.WriteLine($"zone {TimeZoneInfo.Local.Id} {TimeZoneInfo.ConvertTimeFromUtc(new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc), TimeZoneInfo.Local):HH:mm}");
        """;

    private static TestApp _app = null!;
    private static PublishResult _publish = null!;

    [ClassInitialize]
    public static void Publish(TestContext _)
    {
        Podman.RequireOrSkip();
        _app = TestApp.Console("Sweep", SlimForm.PackageReference, "<RootNamespace>Sweep</RootNamespace>",
            """<PackageReference Include="Microsoft.Data.Sqlite" Version="10.0.0" /><ContainerEnvironmentVariable Include="TZ" Value="Europe/Berlin" />""", Program);
        _app.Write("Strings.resx", Resx("Hello"));
        _app.Write("Strings.de.resx", Resx("Hallo"));
        _publish = _app.Publish();
    }

    [TestMethod]
    public void A_native_package_for_every_rid_publishes_without_a_base_or_strip_error()
    {
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
        Assert.IsTrue(File.Exists(Path.Combine(_publish.PublishDirectory, "runtimes", "linux-arm64", "native", "libe_sqlite3.so")),
            "the RID-less publish ships other platforms' assets (kept, as without Slim)");
        foreach (var code in new[] { "SLIM4011", "SLIM4012", "SLIM3001" })
            Assert.IsFalse(_publish.Output.Contains(code), $"{code} for another platform's file:\n{_publish.Output}");
        Assert.IsFalse(_publish.Output.Split('\n').Any(l => l.Contains("SLIM7") && l.Contains("runtimes/linux-")), "a check read another platform's file:\n" + _publish.Output);
        StringAssert.Contains(_publish.Output, "ships satellite resources for de (Strings.de.resx)", "SLIM1017 names the satellite resources");
    }

    [TestMethod]
    public void The_image_prints_what_the_host_prints_under_LANG_and_TZ()
    {
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
        var host = ProcessRunner.Run(Path.Combine(_publish.PublishDirectory, "Sweep"), [], _publish.PublishDirectory,
            new Dictionary<string, string> { ["LANG"] = "de_DE.UTF-8", ["TZ"] = "Europe/Berlin" });
        Assert.AreEqual(0, host.ExitCode, host.Output);
        Assert.AreEqual("sqlite alpha,beta|resource Hallo|culture de-DE 1.234,5|zone Europe/Berlin 14:00", string.Join('|', Lines(host.Output)),
            "the app itself, on this machine");

        var loaded = Podman.Run(_app.Directory, "load", "-i", Path.Combine(_publish.SlimDirectory, "image.tar"));
        Assert.AreEqual(0, loaded.ExitCode, loaded.Output);
        var image = Podman.Run(_app.Directory, "run", "--rm", "-e", "LANG=de_DE.UTF-8", "localhost/sweep:1.0.0");
        Assert.AreEqual(0, image.ExitCode, image.Output);
        CollectionAssert.AreEqual(Lines(host.Output), Lines(image.Output), "the image (TZ from ContainerEnvironmentVariable) prints otherwise:\n" + image.Output);
    }

    /// <summary>
    /// The image holds the runtimes/ folders its host loads (linux-x64's), not the other platforms' the RID-less publish
    /// ships (kept in the publish folder), and says so: the SQLite call above runs on what is left.
    /// </summary>
    [TestMethod]
    public void The_image_leaves_out_other_platforms_native_assets_and_says_so()
    {
        Assert.AreEqual(0, _publish.ExitCode, _publish.Describe());
        var files = OciArchive.AllFiles(Path.Combine(_publish.SlimDirectory, "image.tar"));
        Assert.IsTrue(files.Contains("app/runtimes/linux-x64/native/libe_sqlite3.so"), string.Join("\n", files.Where(f => f.Contains("runtimes/"))));
        Assert.IsFalse(files.Any(f => f.StartsWith("app/runtimes/", StringComparison.Ordinal) && !f.StartsWith("app/runtimes/linux-x64/", StringComparison.Ordinal)),
            string.Join("\n", files.Where(f => f.Contains("runtimes/"))));
        StringAssert.Matches(_publish.Output, new System.Text.RegularExpressions.Regex(@"the image leaves out \d+ file\(s\) \([0-9.]+ [KM]B\) under runtimes/ for platforms other than linux-x64"));
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Resx(string hello) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <root>
          <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
          <resheader name="version"><value>2.0</value></resheader>
          <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
          <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
          <data name="Hello" xml:space="preserve"><value>{hello}</value></data>
        </root>
        """;
}
