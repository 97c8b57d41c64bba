using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>Each step runs on its own (dotnet msbuild -t:Step): it does its work and leaves the publish folder alone.</summary>
[TestClass]
public sealed class StepAloneTests
{
    [TestMethod]
    public void Strip_and_symbols_run_alone_and_write_their_outputs_without_publishing()
    {
        var app = TestApp.Console("StepAlone", SlimForm.PackageReference,
            items: """<None Include="native/libalone.so" CopyToPublishDirectory="PreserveNewest" Link="libalone.so" />""");
        var source = app.Write("native/alone.c", "int alone(void) { return 7; }\n");
        var library = Path.Combine(app.Directory, "native", "libalone.so");
        Assert.AreEqual(0, ProcessRunner.Run("gcc", ["-shared", "-fPIC", "-g", "-o", library, source], app.Directory).ExitCode);
        var original = File.ReadAllBytes(library);

        var strip = ProcessRunner.Run("dotnet", ["msbuild", "-restore", "-t:SlimStripNativeFiles", "-p:Configuration=Release",
            "-p:_IsPublishing=true", "-bl:alone.binlog"], app.Directory, SlimFeed.Environment());

        Assert.AreEqual(0, strip.ExitCode, strip.Output);
        Assert.IsFalse(strip.Output.Contains("circular", StringComparison.OrdinalIgnoreCase), strip.Output);
        var stripped = Directory.EnumerateFiles(Path.Combine(app.Directory, "obj"), "libalone.so", SearchOption.AllDirectories)
            .SingleOrDefault(f => f.Replace('\\', '/').Contains("/slim/strip/"));
        Assert.IsNotNull(stripped, "SlimStripNativeFiles run alone wrote no stripped copy:\n" + strip.Output);
        Assert.IsTrue(new FileInfo(stripped).Length < original.Length, $"{new FileInfo(stripped).Length} >= {original.Length}");
        CollectionAssert.AreEqual(original, File.ReadAllBytes(library), "the project's own library changed");
        Assert.IsFalse(Directory.Exists(Path.Combine(app.Directory, "bin", "Release", "net10.0", "publish")), "a step run alone published");

        // A step works on what a build produced: the app's .pdb exists only once it is built.
        Assert.AreEqual(0, ProcessRunner.Run("dotnet", ["build", "-c", "Release"], app.Directory, SlimFeed.Environment()).ExitCode);
        var symbols = ProcessRunner.Run("dotnet", ["msbuild", "-t:SlimCopySymbols", "-p:Configuration=Release", "-p:_IsPublishing=true"],
            app.Directory, SlimFeed.Environment());
        Assert.AreEqual(0, symbols.ExitCode, symbols.Output);
        Assert.IsTrue(Directory.EnumerateFiles(app.Directory, "StepAlone.pdb", SearchOption.AllDirectories)
            .Any(f => f.Replace('\\', '/').Contains("/slim/symbols/")), "SlimCopySymbols run alone copied no symbols:\n" + symbols.Output);
    }
}
