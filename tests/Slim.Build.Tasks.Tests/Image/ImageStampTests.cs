using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>The image is not made again only while nothing it was made from, and nothing it wrote, changed.</summary>
[TestClass]
public sealed class ImageStampTests
{
    private sealed record Setup(TempFolder Temp, string Publish, string Needs, string Runtime, string CaFolder, string Archive, ImageStamp Stamp)
    {
        public string Key() => ImageStamp.Key(["rid=linux-x64"], [Needs], Publish, null);

        public void Record() => Stamp.Record(Key(), [.. ImageStamp.WithFolders([Runtime]), .. ImageStamp.Trees([CaFolder])], [Archive]);
    }

    private static Setup Recorded(TempFolder temp)
    {
        var setup = new Setup(temp, Path.GetDirectoryName(temp.File("publish/app.dll", 100))!, temp.File("obj/needs.json", "{}"u8.ToArray()),
            temp.File("dotnet/shared/Microsoft.NETCore.App/10.0.1/libcoreclr.so", 1000), Path.Combine(temp.Path, "ca"), temp.File("slim/image.tar", 5000),
            new ImageStamp(Path.Combine(temp.Path, "obj/image.stamp")));
        setup.Record();
        Assert.IsTrue(setup.Stamp.Holds(setup.Key()), "nothing changed");
        return setup;
    }

    [TestMethod]
    public void Nothing_changed_holds_and_a_setting_or_a_state_file_s_bytes_changed_does_not()
    {
        using var temp = new TempFolder();
        var setup = Recorded(temp);

        Assert.IsFalse(setup.Stamp.Holds(ImageStamp.Key(["rid=linux-arm64"], [setup.Needs], setup.Publish, null)));
        var time = File.GetLastWriteTimeUtc(setup.Needs);
        File.WriteAllText(setup.Needs, "{ }");
        File.SetLastWriteTimeUtc(setup.Needs, time);
        Assert.IsFalse(setup.Stamp.Holds(setup.Key()), "needs.json's bytes are read, whatever its write time says");
    }

    [TestMethod]
    [DataRow("a publish file rewritten")]
    [DataRow("a publish file added in a sub-folder")]
    [DataRow("a runtime file rewritten")]
    [DataRow("a runtime version installed beside")]
    [DataRow("a CA certificate added")]
    [DataRow("the archive removed")]
    [DataRow("the archive rewritten")]
    public void Any_change_to_what_the_image_was_made_from_or_wrote_breaks_it(string change)
    {
        using var temp = new TempFolder();
        var setup = Recorded(temp);
        switch (change)
        {
            case "a publish file rewritten": File.WriteAllBytes(Path.Combine(setup.Publish, "app.dll"), new byte[101]); break;
            case "a publish file added in a sub-folder": temp.File("publish/runtimes/linux-x64/native/libfoo.so", 10); break;
            case "a runtime file rewritten": File.SetLastWriteTimeUtc(setup.Runtime, DateTime.UtcNow.AddMinutes(-5)); break;
            case "a runtime version installed beside": Directory.CreateDirectory(Path.Combine(temp.Path, "dotnet/shared/Microsoft.NETCore.App/10.0.2")); break;
            case "a CA certificate added": temp.File("ca/proxy.crt", 10); break;
            case "the archive removed": File.Delete(setup.Archive); break;
            case "the archive rewritten": File.WriteAllBytes(setup.Archive, new byte[5001]); break;
        }

        Assert.IsFalse(setup.Stamp.Holds(setup.Key()), change);
    }

    [TestMethod]
    public void A_path_no_line_can_hold_or_a_damaged_stamp_makes_the_image_every_time()
    {
        using var temp = new TempFolder();
        var setup = Recorded(temp);
        var odd = temp.File("lib\twith-tab.so", 10);

        setup.Stamp.Record(setup.Key(), [setup.Runtime, odd], [setup.Archive]);
        Assert.IsFalse(setup.Stamp.Holds(setup.Key()));
        Assert.IsFalse(File.Exists(Path.Combine(temp.Path, "obj/image.stamp")));

        setup.Record();
        File.WriteAllText(Path.Combine(temp.Path, "obj/image.stamp"), "garbage");
        Assert.IsFalse(setup.Stamp.Holds(setup.Key()));
    }
}
