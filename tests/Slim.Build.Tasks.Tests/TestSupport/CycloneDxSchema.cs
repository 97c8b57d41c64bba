using Slim.Build.Tasks.Tests.Image;

namespace Slim.Build.Tasks.Tests.TestSupport;

/// <summary>
/// The official CycloneDX 1.6 JSON schema, applied by ajv through tests/tools/validate-cyclonedx.js with the
/// npm packages build/bootstrap.sh installs into artifacts/tools/node. Missing node skips locally, fails in CI.
/// </summary>
internal static class CycloneDxSchema
{
    public static (bool Valid, string Output) Validate(string file)
    {
        var root = RepositoryRoot();
        var modules = Path.Combine(root, "artifacts", "tools", "node", "node_modules");
        if (!Tool.Installed("node") || !Directory.Exists(Path.Combine(modules, "ajv")))
        {
            var why = "node and ajv are needed to validate SBOMs: run build/bootstrap.sh";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(why);
            Assert.Inconclusive(why);
        }
        var (exitCode, output) = Tool.TryRun("node", new Dictionary<string, string> { ["NODE_PATH"] = modules },
            Path.Combine(root, "tests", "tools", "validate-cyclonedx.js"), file);
        return (exitCode == 0, output);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Slim.Build.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Slim.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
