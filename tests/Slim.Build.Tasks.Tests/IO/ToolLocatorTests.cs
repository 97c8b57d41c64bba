using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.IO;

[TestClass]
public sealed class ToolLocatorTests
{
    [TestMethod]
    public void A_path_is_taken_as_it_is_when_the_file_exists()
    {
        using var temp = new TempFolder();
        var tool = temp.File("tools/my-strip");
        Assert.AreEqual(tool, ToolLocator.Find(tool, pathVariable: ""));
        Assert.IsNull(ToolLocator.Find(Path.Combine(temp.Path, "tools/missing"), pathVariable: Path.Combine(temp.Path, "tools")),
            "a path is not looked up on PATH");
    }

    [TestMethod]
    public void A_bare_name_is_looked_up_on_PATH_in_order()
    {
        using var temp = new TempFolder();
        var first = temp.File("first/upx");
        temp.File("second/upx");
        var onlySecond = temp.File("second/strip");
        var path = string.Join(Path.PathSeparator, Path.Combine(temp.Path, "empty"), Path.Combine(temp.Path, "first"), Path.Combine(temp.Path, "second"));

        Assert.AreEqual(first, ToolLocator.Find("upx", path));
        Assert.AreEqual(onlySecond, ToolLocator.Find("strip", path));
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("  ")]
    [DataRow("no-such-tool")]
    public void A_missing_tool_is_null(string tool)
    {
        using var temp = new TempFolder();
        temp.File("bin/upx");
        Assert.IsNull(ToolLocator.Find(tool, Path.Combine(temp.Path, "bin")));
    }
}
