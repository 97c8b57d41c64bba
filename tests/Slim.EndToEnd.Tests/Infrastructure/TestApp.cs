using System.Net.Http;

namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>How an app brings Slim in.</summary>
internal enum SlimForm
{
    /// <summary>&lt;PackageReference Include="Slim.Build.Tasks" /&gt; next to the project's own publish settings.</summary>
    PackageReference,
    /// <summary>&lt;Project Sdk="Slim.Sdk/x.y.z"&gt;.</summary>
    SdkStandalone,
    /// <summary>&lt;Sdk Name="Slim.Sdk" Version="x.y.z" /&gt; added to the project's SDK.</summary>
    SdkAdded,
    /// <summary>No Slim at all: the plain app a test compares Slim's output with.</summary>
    None,
}

internal sealed record PublishResult(int ExitCode, string Output, string PublishDirectory, string SlimDirectory)
{
    public string Describe() => $"exit code {ExitCode}\n{Output}";
}

/// <summary>A throwaway app in its own folder that consumes the packed Slim packages the way a user would.</summary>
internal sealed class TestApp
{
    private int _publishes;

    private TestApp(string name, string directory)
    {
        Name = name;
        Directory = directory;
    }

    public string Name { get; }
    public string Directory { get; }
    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public static TestApp Console(string name, SlimForm form, string properties = "", string items = "", string? program = null, string? folder = null) =>
        Create(name, "Microsoft.NET.Sdk", form, properties, items, program ?? """
            Console.WriteLine("Hello from Slim");
            """, folder: folder);

    public static TestApp Web(string name, SlimForm form, string properties = "", string items = "") =>
        Create(name, "Microsoft.NET.Sdk.Web", form, properties, items, """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "Hello World!");
            app.Run();
            """, webSettings: true);

    /// <summary>
    /// A NativeAOT web app shaped like `dotnet new webapiaot` (CreateSlimBuilder): ILC compiles it in about 60% of the
    /// time the full CreateBuilder app takes, for tests about what Slim does with any NativeAOT web app.
    /// </summary>
    public static TestApp SlimBuilderWeb(string name, SlimForm form, string properties = "") =>
        Create(name, "Microsoft.NET.Sdk.Web", form, properties, "", """
            var builder = WebApplication.CreateSlimBuilder(args);
            var app = builder.Build();
            app.MapGet("/", () => "Hello World!");
            app.Run();
            """, webSettings: true);

    public static TestApp Library(string name) =>
        Create(name, "Microsoft.NET.Sdk", SlimForm.PackageReference, "<OutputType>Library</OutputType>", "", "public static class Lib { public static int Answer => 42; }");

    /// <param name="folder">Where the app goes under the run's apps/ folder (a solution's subfolder); default its name.</param>
    private static TestApp Create(string name, string sdk, SlimForm form, string properties, string items, string program, bool webSettings = false, string? folder = null)
    {
        var directory = Path.Combine(SlimFeed.RunRoot, "apps", folder ?? name);
        if (System.IO.Directory.Exists(directory))
            System.IO.Directory.Delete(directory, recursive: true);
        System.IO.Directory.CreateDirectory(directory);
        var app = new TestApp(name, directory);

        var head = form == SlimForm.SdkStandalone ? $"<Project Sdk=\"Slim.Sdk/{SlimFeed.Version}\">" : $"<Project Sdk=\"{sdk}\">";
        var extra = form switch
        {
            SlimForm.SdkAdded => $"<Sdk Name=\"Slim.Sdk\" Version=\"{SlimFeed.Version}\" />",
            SlimForm.PackageReference => $"<ItemGroup><PackageReference Include=\"Slim.Build.Tasks\" Version=\"{SlimFeed.Version}\" PrivateAssets=\"all\" /></ItemGroup>",
            _ => "",
        };
        var outputType = properties.Contains("<OutputType>") ? "" : "<OutputType>Exe</OutputType>";
        // The plain publish Slim makes beside its own costs one more ILC or ILLink run per app: only the tests that
        // check its figure ask for it (PlainPublishFigureTests, TrimmedWebTests).
        var plainFigure = form == SlimForm.None || properties.Contains("<SlimMeasurePlainPublish>") ? "" : "<SlimMeasurePlainPublish>false</SlimMeasurePlainPublish>";
        app.Write(name + ".csproj", $"""
            {head}
              {extra}
              <PropertyGroup>
                {outputType}
                {plainFigure}
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                {properties}
              </PropertyGroup>
              <ItemGroup>{items}</ItemGroup>
            </Project>
            """);
        app.Write("Program.cs", program);
        app.Write("nuget.config", $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="slim" value="{SlimFeed.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        if (webSettings)
        {
            app.Write("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "*" }""");
            app.Write("appsettings.Development.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }""");
        }
        return app;
    }

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>dotnet publish -c Release, with a binlog kept in the app folder for when a test fails.</summary>
    public PublishResult Publish(params string[] arguments) => PublishWith(new Dictionary<string, string>(), arguments);

    /// <summary>
    /// Another publish of an app already published, with arguments that change nothing restore reads (Slim's own
    /// properties, a base image, a smoke run): --no-restore, as CI does after its restore step. Not for a test about
    /// restore or about what an unchanged publish, as a user runs it, does again.
    /// </summary>
    public PublishResult Republish(params string[] arguments) => Publish(["--no-restore", .. arguments]);

    /// <param name="environment">Variables that replace the run's own (another HOME), on top of <see cref="SlimFeed.Environment"/>.</param>
    public PublishResult PublishWith(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        _publishes++;
        var variables = SlimFeed.Environment();
        foreach (var (key, value) in environment)
            variables[key] = value;
        var result = ProcessRunner.Run("dotnet",
            ["publish", "-c", "Release", $"-bl:publish-{_publishes}.binlog", .. arguments], Directory, variables);
        var publish = FindDirectory("publish");
        return new PublishResult(result.ExitCode, result.Output, publish ?? "", publish is null ? "" : Path.Combine(Path.GetDirectoryName(publish)!, "slim"));
    }

    private string? FindDirectory(string name) =>
        System.IO.Directory.Exists(Path.Combine(Directory, "bin"))
            ? System.IO.Directory.EnumerateDirectories(Path.Combine(Directory, "bin"), name, SearchOption.AllDirectories).FirstOrDefault()
            : null;

    /// <summary>Starts the published web app on a free loopback port and returns what GET / answered, or null.</summary>
    public static async Task<string?> GetFromRunningApp(string executable, TimeSpan timeout)
    {
        var port = LoopbackPort.Free();
        var start = new System.Diagnostics.ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.GetDirectoryName(executable)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString();
        start.Environment["ASPNETCORE_URLS"] = "";
        using var process = System.Diagnostics.Process.Start(start)!;
        try
        {
            return await Http.GetWithin($"http://127.0.0.1:{port}/", timeout, () => !process.HasExited);
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }
}
