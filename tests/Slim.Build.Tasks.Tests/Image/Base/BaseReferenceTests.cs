using Slim.Build.Tasks.Image.Base;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base;

[TestClass]
public sealed class BaseReferenceTests
{
    [TestMethod]
    [DataRow("", "Auto", null, null)]
    [DataRow("AUTO", "Auto", null, null)]
    [DataRow("scratch", "Scratch", null, null)]
    [DataRow("oci-layout:base", "OciLayout", "base", null)]
    [DataRow("oci-layout:base:12", "OciLayout", "base", "12")]
    [DataRow("oci-layout:sub/base:with-colon", "OciLayout", "sub/base", "with-colon")]
    [DataRow("oci-archive:base.tar:localhost/app:1", "OciArchive", "base.tar:localhost/app", "1")]
    [DataRow("oci-archive:/srv/base.tar", "OciArchive", "/srv/base.tar", null)]
    [DataRow("./missing", "OciLayout", "missing", null)]
    [DataRow("missing.tar", "OciArchive", "missing.tar", null)]
    [DataRow("debian:12", "Registry", null, null)]
    [DataRow("mcr.microsoft.com/dotnet/runtime-deps:10.0", "Registry", null, null)]
    public void Values_parse_to_a_kind_a_path_from_the_project_folder_and_a_name(string value, string kind, string? path, string? name)
    {
        using var temp = new TempFolder();

        var reference = BaseReference.Parse(value, temp.Path);

        Assert.AreEqual(kind, reference.Kind.ToString());
        Assert.AreEqual(path is null ? null : Path.GetFullPath(path, temp.Path), reference.Path);
        Assert.AreEqual(name, reference.Name);
    }

    [TestMethod]
    public void An_existing_folder_or_file_is_a_layout_and_a_path_with_a_colon_that_exists_keeps_it()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(Path.Combine(temp.Path, "layout"));
        temp.File("base.tar");
        Directory.CreateDirectory(Path.Combine(temp.Path, "odd:name"));

        Assert.AreEqual(BaseKind.OciLayout, BaseReference.Parse("layout", temp.Path).Kind);
        Assert.AreEqual(BaseKind.OciArchive, BaseReference.Parse("base.tar", temp.Path).Kind);
        var odd = BaseReference.Parse("oci-layout:odd:name", temp.Path);
        Assert.AreEqual((Path.Combine(temp.Path, "odd:name"), (string?)null), (odd.Path, odd.Name));
    }
}
