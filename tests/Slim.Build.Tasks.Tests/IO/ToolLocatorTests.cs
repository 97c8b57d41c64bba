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
        var tool = Executable(temp.File("tools/my-strip"));
        Assert.AreEqual(tool, ToolLocator.Find(tool, pathVariable: ""));
        Assert.IsNull(ToolLocator.Find(Path.Combine(temp.Path, "tools/missing"), pathVariable: Path.Combine(temp.Path, "tools")),
            "a path is not looked up on PATH");
    }

    [TestMethod]
    public void A_bare_name_is_looked_up_on_PATH_in_order()
    {
        using var temp = new TempFolder();
        var first = Executable(temp.File("first/upx"));
        Executable(temp.File("second/upx"));
        var onlySecond = Executable(temp.File("second/strip"));
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

    [TestMethod]
    public void A_directory_or_a_file_that_is_not_executable_is_no_tool_and_says_why()
    {
        using var temp = new TempFolder();
        var plain = temp.File("tools/strip");
        var folder = Path.Combine(temp.Path, "tools");
        Assert.IsNull(ToolLocator.Find(plain, ""));
        Assert.IsNull(ToolLocator.Find(folder, ""));
        Assert.IsNull(ToolLocator.Find("strip", folder), "a non-executable file on PATH is not a program");
        StringAssert.Contains(ToolLocator.WhyNotFound(plain), "not executable");
        StringAssert.Contains(ToolLocator.WhyNotFound(folder), "directory");
        StringAssert.Contains(ToolLocator.WhyNotFound(Path.Combine(folder, "missing")), "does not exist");
        StringAssert.Contains(ToolLocator.WhyNotFound("no-such-tool"), "PATH");
        Assert.AreEqual(plain, ToolLocator.Find(Executable(plain), ""));
    }

    private static string Executable(string path)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        return path;
    }
}
