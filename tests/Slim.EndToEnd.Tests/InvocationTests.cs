using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// The ways people invoke a publish, each run twice: on an app with Slim and on the same app without it.
/// Slim's outcome must be the SDK's plus Slim's outputs: the same exit code; on success the publish folder
/// runs the same and Slim's report and image are beside it; on failure no error of Slim's own. Most rows
/// share one framework-dependent app (fast); NativeAOT and trimmed apps only for the --no-build rows, the
/// most common CI shape (dotnet build, tests, dotnet publish --no-build).
/// </summary>
[TestClass]
public sealed class InvocationTests
{
    private const string Rid = "linux-x64";
    private static Twin _framework = null!;
    private static Twin _multi = null!;

    [ClassInitialize]
    public static void CreateApps(TestContext _)
    {
        _framework = Twin.Create("InvFd", "");
        _framework.Write("Properties/PublishProfiles/Prod.pubxml", $"""
            <Project>
              <PropertyGroup>
                <Configuration>Release</Configuration>
                <RuntimeIdentifier>{Rid}</RuntimeIdentifier>
                <SelfContained>false</SelfContained>
                <PublishDir>bin/prod/</PublishDir>
              </PropertyGroup>
            </Project>
            """);
        foreach (var root in _framework.Roots)
        {
            Assert.AreEqual(0, Dotnet(root, "new", "sln", "-n", "Inv").ExitCode);
            Assert.AreEqual(0, Dotnet(root, "sln", "add", "InvFd/InvFd.csproj").ExitCode);
        }
        _multi = Twin.Create("InvMt", "");
        _multi.Edit(project => project.Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>net9.0;net10.0</TargetFrameworks>"));
    }

    [TestMethod]
    public void Plain_publish() =>
        _framework.Compare("bin/Release/net10.0/publish", app => Publish(app));

    [TestMethod]
    public void Publish_with_a_runtime_identifier() =>
        _framework.Compare($"bin/Release/net10.0/{Rid}/publish", app => Publish(app, "-r", Rid));

    [TestMethod]
    public void Publish_to_an_output_folder() =>
        _framework.Compare("out", app => Publish(app, "-o", "out"));

    [TestMethod]
    public void Publish_with_no_restore_after_a_restore() =>
        _framework.Compare("bin/Release/net10.0/publish", app => Publish(app, "--no-restore"),
            app => Dotnet(app, "restore"), cleanIntermediate: true);

    [TestMethod]
    public void Publish_with_no_build_after_a_build() =>
        _framework.Compare("bin/Release/net10.0/publish", app => Publish(app, "--no-build"),
            app => Dotnet(app, "build", "-c", "Release"), cleanIntermediate: true);

    [TestMethod]
    public void Publish_with_a_runtime_identifier_and_no_build_after_a_build_with_it() =>
        _framework.Compare($"bin/Release/net10.0/{Rid}/publish", app => Publish(app, "-r", Rid, "--no-build"),
            app => Dotnet(app, "build", "-c", "Release", "-r", Rid), cleanIntermediate: true);

    /// <summary>The SDK fails: the build made no assembly for that runtime identifier. Slim must fail the same way, adding nothing.</summary>
    [TestMethod]
    public void Publish_with_a_runtime_identifier_and_no_build_after_a_build_without_it() =>
        _framework.Compare($"bin/Release/net10.0/{Rid}/publish", app => Publish(app, "-r", Rid, "--no-build"),
            app => Dotnet(app, "build", "-c", "Release"), cleanIntermediate: true, sdkSucceeds: false);

    [TestMethod]
    public void Publish_with_a_publish_profile() =>
        _framework.Compare("bin/prod", app => Dotnet(app, "publish", "-p:PublishProfile=Prod"));

    [TestMethod]
    public void Publish_of_a_solution() =>
        _framework.Compare("bin/Release/net10.0/publish", app => Dotnet(Path.GetDirectoryName(app)!, "publish",
            Path.GetFileName(Directory.GetFiles(Path.GetDirectoryName(app)!, "Inv.sln*").Single()), "-c", "Release"));

    [TestMethod]
    public void Msbuild_publish_target() =>
        _framework.Compare("bin/Release/net10.0/publish", app => Dotnet(app, "msbuild", "-restore", "-t:Publish", "-p:Configuration=Release"));

    [TestMethod]
    public void Publish_of_one_framework_of_a_multi_targeted_project() =>
        _multi.Compare("bin/Release/net10.0/publish", app => Publish(app, "-f", "net10.0"));

    /// <summary>The SDK refuses to publish a multi-targeted project without -f: Slim must refuse the same way, adding nothing.</summary>
    [TestMethod]
    public void Publish_of_a_multi_targeted_project_without_a_framework() =>
        _multi.Compare("bin/Release/net10.0/publish", app => Publish(app), sdkSucceeds: false);

    [TestMethod]
    public void Trimmed_publish_with_no_build_after_a_build()
    {
        var trimmed = Twin.Create("InvTrim", "<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained>");
        trimmed.Compare($"bin/Release/net10.0/{Rid}/publish", app => Publish(app, "--no-build"), app => Dotnet(app, "build", "-c", "Release"));
    }

    /// <summary>
    /// The build runs without a runtime identifier, the publish with the one NativeAOT infers: the SDK compiles the
    /// RID folder's assembly during the publish, and Slim analyses that one.
    /// </summary>
    [TestMethod]
    public void NativeAot_publish_with_no_build_after_a_build_with_and_without_a_runtime_identifier()
    {
        var aot = Twin.Create("InvAot", "<PublishAot>true</PublishAot>");
        aot.Compare($"bin/Release/net10.0/{Rid}/publish", app => Publish(app, "--no-build"), app => Dotnet(app, "build", "-c", "Release"));
        aot.Compare($"bin/Release/net10.0/{Rid}/publish", app => Publish(app, "-r", Rid, "--no-build"),
            app => Dotnet(app, "build", "-c", "Release", "-r", Rid), cleanIntermediate: true);
    }

    private static ProcessResult Publish(string app, params string[] arguments) => Dotnet(app, ["publish", "-c", "Release", .. arguments]);

    private static ProcessResult Dotnet(string directory, params string[] arguments)
    {
        var environment = SlimFeed.Environment();
        // The image's layer cache goes with the run, not the user's ~/.cache.
        environment["XDG_CACHE_HOME"] = Path.Combine(SlimFeed.RunRoot, "xdg-cache");
        return ProcessRunner.Run("dotnet", arguments, directory, environment);
    }

    /// <summary>One app twice, with and without Slim, in folders of the same name so the outputs compare file for file.</summary>
    private sealed class Twin(TestApp slim, TestApp plain)
    {
        public string[] Roots => [Path.GetDirectoryName(slim.Directory)!, Path.GetDirectoryName(plain.Directory)!];

        public static Twin Create(string name, string properties) => new(
            TestApp.Console(name, SlimForm.PackageReference, properties, program: Program(name), folder: $"Invocations/slim/{name}"),
            TestApp.Console(name, SlimForm.None, properties, program: Program(name), folder: $"Invocations/plain/{name}"));

        // The culture's name shows whether Slim's invariant globalization changed what the app does.
        private static string Program(string name) =>
            $$"""Console.WriteLine($"Hello from {{name}} {System.Globalization.CultureInfo.GetCultureInfo("de-DE").NumberFormat.NumberDecimalSeparator} {string.Compare("a", "B", StringComparison.Ordinal)}");""";

        public void Write(string relative, string content)
        {
            slim.Write(relative, content);
            plain.Write(relative, content);
        }

        public void Edit(Func<string, string> change)
        {
            foreach (var app in new[] { slim, plain })
                File.WriteAllText(app.ProjectFile, change(File.ReadAllText(app.ProjectFile)));
        }

        /// <param name="publishFolder">Where this invocation publishes, relative to the project.</param>
        /// <param name="before">What the invocation follows (a restore, a build), run the same way on both.</param>
        /// <param name="cleanIntermediate">Start from no obj/ either, so the publish sees only what <paramref name="before"/> left.</param>
        /// <param name="sdkSucceeds">What the SDK does without Slim: a row meant to show Slim failing as the SDK does must see the SDK fail.</param>
        public void Compare(string publishFolder, Func<string, ProcessResult> invoke, Func<string, ProcessResult>? before = null,
            bool cleanIntermediate = false, bool sdkSucceeds = true)
        {
            var outcomes = new[] { slim, plain }.Select(app =>
            {
                foreach (var folder in cleanIntermediate ? new[] { "bin", "obj", "out" } : ["bin", "out"])
                    if (Directory.Exists(Path.Combine(app.Directory, folder)))
                        Directory.Delete(Path.Combine(app.Directory, folder), recursive: true);
                if (before?.Invoke(app.Directory) is { ExitCode: not 0 } failed)
                    Assert.Fail($"the step before the publish failed for {app.Directory}:\n{failed.Output}");
                return invoke(app.Directory);
            }).ToArray();
            var (withSlim, without) = (outcomes[0], outcomes[1]);
            Assert.AreEqual(sdkSucceeds, without.ExitCode == 0, $"without Slim:\n{without.Output}");

            Assert.AreEqual(without.ExitCode, withSlim.ExitCode, $"with Slim:\n{withSlim.Output}\nwithout Slim:\n{without.Output}");
            if (without.ExitCode != 0)
            {
                StringAssert.DoesNotMatch(withSlim.Output, new System.Text.RegularExpressions.Regex("error SLIM\\d"), "Slim added an error to the SDK's own");
                return;
            }
            var published = Path.Combine(slim.Directory, publishFolder);
            Assert.AreEqual(Run(Path.Combine(plain.Directory, publishFolder), plain.Name), Run(published, slim.Name), withSlim.Output);
            var slimFolder = Path.GetFullPath(Path.Combine(published, "..", "slim"));
            Assert.IsTrue(File.Exists(Path.Combine(slimFolder, "report.json")), $"no report in {slimFolder}:\n{withSlim.Output}");
            Assert.IsTrue(File.Exists(Path.Combine(slimFolder, "image.tar")), $"no image in {slimFolder}:\n{withSlim.Output}");
        }

        private static string Run(string publishFolder, string name)
        {
            var runtimeConfig = Path.Combine(publishFolder, name + ".runtimeconfig.json");
            var frameworkDependent = File.Exists(runtimeConfig) && File.ReadAllText(runtimeConfig) is var text
                && (text.Contains("\"framework\"") || text.Contains("\"frameworks\""));
            var result = frameworkDependent
                ? ProcessRunner.Run("dotnet", [Path.Combine(publishFolder, name + ".dll")], publishFolder)
                : ProcessRunner.Run(Path.Combine(publishFolder, name), [], publishFolder);
            Assert.AreEqual(0, result.ExitCode, $"{publishFolder}: {result.Output}");
            StringAssert.StartsWith(result.Output, "Hello from " + name);
            return result.Output;
        }
    }
}
