using System.Formats.Tar;
using Slim.Build.Tasks.Image.Base;

namespace Slim.Build.Tasks.Tests.Image.Base;

[TestClass]
public sealed class LayerEntryRulesTests
{
    [TestMethod]
    [DataRow("usr/lib/libc.so.6", TarEntryType.RegularFile, null, "None")]
    [DataRow("./etc/", TarEntryType.Directory, null, "None")]
    [DataRow("a..b/file", TarEntryType.RegularFile, null, "None")]
    [DataRow("../evil", TarEntryType.RegularFile, null, "UnsafePath")]
    [DataRow("usr/../../evil", TarEntryType.Directory, null, "UnsafePath")]
    [DataRow("/etc/abs", TarEntryType.RegularFile, null, "UnsafePath")]
    [DataRow("usr/bin/sh", TarEntryType.SymbolicLink, "/bin/busybox", "None")]
    [DataRow("usr/lib/x.so", TarEntryType.SymbolicLink, "../../lib/x.so.1", "None")]
    [DataRow("lib", TarEntryType.SymbolicLink, "usr/lib", "None")]
    [DataRow("etc/link", TarEntryType.SymbolicLink, "../../outside", "LinkEscapes")]
    [DataRow("link", TarEntryType.SymbolicLink, "..", "LinkEscapes")]
    [DataRow("etc/hard", TarEntryType.HardLink, "etc/passwd", "None")]
    [DataRow("etc/hard", TarEntryType.HardLink, "../outside", "LinkEscapes")]
    [DataRow("etc/hard", TarEntryType.HardLink, "/etc/shadow", "LinkEscapes")]
    [DataRow("dev/null", TarEntryType.CharacterDevice, null, "DeviceFile")]
    [DataRow("dev/sda", TarEntryType.BlockDevice, null, "DeviceFile")]
    [DataRow("run/fifo", TarEntryType.Fifo, null, "DeviceFile")]
    public void Each_entry_is_judged_by_its_path_its_kind_and_where_a_link_points(string name, TarEntryType type, string? link, string expected) =>
        Assert.AreEqual(expected, LayerEntryRules.Check(name, type, link).ToString());
}
