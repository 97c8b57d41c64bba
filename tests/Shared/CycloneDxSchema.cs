using System.Diagnostics;

namespace Slim.Tests.Shared;

/// <summary>
/// The official CycloneDX 1.6 JSON schema, applied by ajv through tests/tools/validate-cyclonedx.js with the
/// npm packages build/bootstrap.sh installs into artifacts/tools/node. Missing node skips locally, fails in CI.
/// </summary>
internal static class CycloneDxSchema
{
    public static (bool Valid, string Output) Validate(string file)
    {
        var modules = Path.Combine(Repository.Root, "artifacts", "tools", "node", "node_modules");
        var hasNode = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "node")));
        if (!hasNode || !Directory.Exists(Path.Combine(modules, "ajv")))
        {
            var why = "node and ajv are needed to validate SBOMs: run build/bootstrap.sh";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(why);
            Assert.Inconclusive(why);
        }
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "tests", "tools", "validate-cyclonedx.js"));
        start.ArgumentList.Add(file);
        start.Environment["NODE_PATH"] = modules;
        using var node = Process.Start(start)!;
        var error = node.StandardError.ReadToEndAsync();
        var output = node.StandardOutput.ReadToEnd();
        node.WaitForExit();
        return (node.ExitCode == 0, output + error.Result);
    }
}
