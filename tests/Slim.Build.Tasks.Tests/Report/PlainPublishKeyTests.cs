using System.Text;
using Slim.Build.Tasks.Report;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Report;

/// <summary>
/// The plain publish's size is recalled only for the very inputs it was measured from: anything a plain publish
/// would ship differently (a content file, the assembly, a package's version, a -p: property) gives another key.
/// </summary>
[TestClass]
public sealed class PlainPublishKeyTests
{
    private sealed class Inputs(TempFolder temp)
    {
        public string Assembly { get; } = temp.File("obj/App.dll", Encoding.UTF8.GetBytes("il v1"));
        public string Settings { get; } = temp.File("publish-src/appsettings.json", Encoding.UTF8.GetBytes("{\"a\":1}"));
        public string PackageFile { get; } = temp.File("nuget/lib/Pkg.dll", Encoding.UTF8.GetBytes("package bytes"));
        public string[] Switches { get; set; } = ["NETCoreSdkVersion=10.0.401", "global Configuration=Release"];
        public string PackageVersion { get; set; } = "1.0.0";

        public string Key() => PlainPublishKey.Compute(Switches, [Assembly],
            [new("appsettings.json", Settings, ""), new("App.dll", Assembly, ""), new("Pkg.dll", PackageFile, "Pkg/" + PackageVersion)]);
    }

    [TestMethod]
    public void The_same_inputs_give_the_same_key_in_any_order()
    {
        using var temp = new TempFolder();
        var inputs = new Inputs(temp);
        var key = inputs.Key();
        Assert.AreEqual(key, inputs.Key());
        var reordered = PlainPublishKey.Compute(inputs.Switches, [inputs.Assembly, inputs.Assembly],
            [new("Pkg.dll", inputs.PackageFile, "Pkg/1.0.0"), new("App.dll", inputs.Assembly, ""), new("appsettings.json", inputs.Settings, "")]);
        Assert.AreEqual(key, reordered);
        Assert.AreEqual(64, key.Length);
    }

    [TestMethod]
    public void A_changed_content_file_assembly_package_or_property_gives_another_key()
    {
        using var temp = new TempFolder();
        var inputs = new Inputs(temp);
        var keys = new List<string> { inputs.Key() };
        File.WriteAllText(inputs.Settings, "{\"a\":2}");   // same size, other bytes: a plain publish ships other bytes
        keys.Add(inputs.Key());
        File.WriteAllText(inputs.Assembly, "il v2");
        keys.Add(inputs.Key());
        inputs.PackageVersion = "1.0.1";
        keys.Add(inputs.Key());
        inputs.Switches = [.. inputs.Switches, "global OptimizationPreference=Speed"];
        keys.Add(inputs.Key());
        File.Delete(inputs.Settings);
        keys.Add(inputs.Key());
        Assert.AreEqual(keys.Count, keys.Distinct().Count(), string.Join("\n", keys));
    }

    [TestMethod]
    public void A_package_file_is_named_by_its_package_not_read()
    {
        using var temp = new TempFolder();
        var inputs = new Inputs(temp);
        var key = inputs.Key();
        File.WriteAllText(inputs.PackageFile, "other bytes!!");   // the same size: the assets file pins a package's bytes
        Assert.AreEqual(key, inputs.Key());
    }

    [TestMethod]
    public void A_recorded_size_is_every_file_of_the_plain_publish_and_a_damaged_record_is_none()
    {
        using var temp = new TempFolder();
        temp.File("plain/App", 5000);
        temp.File("plain/App.dbg", 9000);
        temp.File("plain/wwwroot/site.css", 300);
        var sizeFile = Path.Combine(temp.Path, "cache", "key.json");
        Assert.IsNull(PlainPublishSize.Load(sizeFile));
        PlainPublishSize.Record(Path.Combine(temp.Path, "plain"), sizeFile);
        Assert.AreEqual(14_300, PlainPublishSize.Load(sizeFile));
        File.WriteAllText(sizeFile, "{\"Bytes\":");
        Assert.IsNull(PlainPublishSize.Load(sizeFile), "a half-written record is not a measurement");
        Assert.IsNull(PlainPublishSize.Load(""));
    }
}
