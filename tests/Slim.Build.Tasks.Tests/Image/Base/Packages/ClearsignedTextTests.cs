using Slim.Build.Tasks.Image.Base.Packages;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

[TestClass]
public sealed class ClearsignedTextTests
{
    [TestMethod]
    public void Probe()
    {
        var text = ClearsignedText.Verify(File.ReadAllText("/tmp/inrel"), ArchiveKeyring.Read(PackageSettings.DebianKeyring), out var why);
        Assert.IsNotNull(text, why);
    }
}
