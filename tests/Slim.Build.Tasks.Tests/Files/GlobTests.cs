using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Tests.Files;

[TestClass]
public sealed class GlobTests
{
    [TestMethod]
    [DataRow("**/*.so", "libcoreclr.so", true)]
    [DataRow("**/*.so", "runtimes/linux-x64/native/libe_sqlite3.so", true)]
    [DataRow("**/*.so", "libcoreclr.so.dbg", false)]
    [DataRow("*.dll", "App.dll", true)]
    [DataRow("*.dll", "sub/App.dll", false)]
    [DataRow("createdump", "createdump", true)]
    [DataRow("createdump", "tools/createdump", false)]
    [DataRow("lib?.so", "libz.so", true)]
    [DataRow("lib?.so", "libzz.so", false)]
    [DataRow("wwwroot/**", "wwwroot/css/site.css", true)]
    [DataRow("App.dll", "AppXdll", false)]
    public void Matches_like_msbuild(string pattern, string path, bool expected) =>
        Assert.AreEqual(expected, Glob.IsMatch(pattern, path), $"{pattern} vs {path}");
}
