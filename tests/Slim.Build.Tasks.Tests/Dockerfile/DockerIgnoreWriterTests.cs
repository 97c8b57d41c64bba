using Slim.Build.Tasks.Dockerfile;

namespace Slim.Build.Tasks.Tests.Dockerfile;

[TestClass]
public sealed class DockerIgnoreWriterTests
{
    private static readonly string[] Patterns = DockerIgnoreWriter.Write("App").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [TestMethod]
    [DataRow("**/bin")]
    [DataRow("**/obj")]
    [DataRow(".git")]
    [DataRow(".vs")]
    [DataRow(".idea")]
    [DataRow("**/*.pfx")]
    [DataRow("**/*.key")]
    [DataRow("**/.env")]
    [DataRow("**/secrets.json")]
    public void Keeps_build_output_version_control_and_secrets_out(string pattern) =>
        CollectionAssert.Contains(Patterns, pattern);

    [TestMethod]
    public void Never_ignores_what_restore_or_the_build_needs()
    {
        foreach (var needed in new[] { "NuGet.config", "Directory.Build.props", "global.json", "*.csproj", "**/*.cs" })
            CollectionAssert.DoesNotContain(Patterns, needed);
        Assert.IsTrue(GeneratedFile.IsUntouched(DockerIgnoreWriter.Write("App")));
    }
}
