using System.Formats.Tar;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

[TestClass]
public sealed class ImageFileSystemTests
{
    [TestMethod]
    public void Upper_layers_overwrite_and_whiteouts_delete_and_what_they_hide_is_waste()
    {
        using var temp = new TempFolder();
        var image = CheckImage.Write(temp,
        [
            [LayerEntry.FromText("etc/motd", new string('a', 1000)), LayerEntry.FromText("var/cache/big", new string('b', 5000)),
             LayerEntry.FromText("opt/old/one", "1"), LayerEntry.FromText("opt/old/two", "22")],
            [LayerEntry.FromText("etc/motd", "new"), LayerEntry.FromText("var/cache/.wh.big", ""), LayerEntry.FromText("opt/old/.wh..wh..opq", ""),
             LayerEntry.FromText("opt/old/three", "333")],
        ]);

        Assert.AreEqual(2, image.LayerCount);
        Assert.AreEqual(3, image.Entry("/etc/motd")!.Size);
        Assert.AreEqual(1, image.Entry("etc/motd")!.Layer);
        Assert.IsNull(image.Entry("var/cache/big"), "the whiteout deletes the file");
        Assert.IsNull(image.Entry("var/cache/.wh.big"), "a whiteout is no file of the view");
        Assert.IsNull(image.Entry("opt/old/one"), "the opaque whiteout hides the lower folder's children");
        Assert.IsNotNull(image.Entry("opt/old/three"), "the upper layer's own children stay");
        CollectionAssert.AreEquivalent(new[] { "etc/motd 1000 False", "var/cache/big 5000 True", "opt/old/one 1 True", "opt/old/two 2 True" },
            image.Waste.Select(w => $"{w.Path} {w.Size} {w.DeletedBy}").ToArray());
        Assert.AreEqual("new", System.Text.Encoding.UTF8.GetString(image.ReadAllBytes("/etc/motd")!));
    }

    [TestMethod]
    public void Links_resolve_through_linked_folders_and_the_docker_form_reads_the_same()
    {
        using var temp = new TempFolder();
        foreach (var docker in new[] { false, true })
        {
            var image = CheckImage.Write(temp, [CheckImage.Healthy()], CheckImage.Config(), docker);
            var loader = image.Resolve("/lib64/ld-linux-x86-64.so.2");
            Assert.AreEqual("usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", loader?.Path, $"docker: {docker}");
            Assert.AreEqual(new FileInfo("/lib/x86_64-linux-gnu/libc.so.6").Length, image.Resolve("/lib/x86_64-linux-gnu/libc.so.6")?.Size);
            Assert.IsNull(image.Resolve("/lib/x86_64-linux-gnu/libnothere.so.1"));
            Assert.AreEqual("1654", image.Run.User);
            CollectionAssert.AreEqual(new[] { "/app/true" }, image.Run.Entrypoint.ToArray());
            Assert.AreEqual(0x3FF, image.Entry("tmp")!.Mode, "the sticky bit survives");
            CollectionAssert.Contains(ImageElfFiles.Read(image).Files.Keys.ToList(), "app/true");
        }
    }

    [TestMethod]
    public void One_pass_over_the_archive_finds_the_same_ELF_files_as_two_and_none_a_higher_layer_replaced_or_deleted()
    {
        using var temp = new TempFolder();
        // /bin/true is an ELF file in the lower layer, replaced by a text file above; libc is deleted by a whiteout;
        // the loader stays: only it and the upper layer's new program are the image's ELF files.
        var twoPasses = CheckImage.Write(temp,
        [
            [LayerEntry.FromFile("app/true", "/bin/true", executable: true), LayerEntry.FromFile("usr/lib/libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6", executable: true),
             LayerEntry.FromFile("usr/lib/ld.so", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", executable: true)],
            [LayerEntry.FromText("app/true", "#!/bin/sh\nexit 0\n"), LayerEntry.FromText("usr/lib/.wh.libc.so.6", ""),
             LayerEntry.FromFile("app/false", "/bin/false", executable: true)],
        ]);
        var expected = ImageElfFiles.Read(twoPasses).Files.Keys.ToArray();
        CollectionAssert.AreEqual(new[] { "app/false", "usr/lib/ld.so" }, expected);

        var (image, elf) = ImageElfFiles.ReadArchive(Path.Combine(temp.Path, "image.tar"));
        CollectionAssert.AreEqual(expected, elf.Files.Keys.ToArray());
        Assert.AreEqual(ImageElfFiles.Read(twoPasses).Files["usr/lib/ld.so"].SoName, elf.Files["usr/lib/ld.so"].SoName);
        CollectionAssert.AreEqual(ImageElfFiles.Read(twoPasses).Files["app/false"].Needed.ToArray(), elf.Files["app/false"].Needed.ToArray());
        CollectionAssert.AreEqual(twoPasses.Entries.Select(e => $"{e.Path} {e.Size} {e.Layer}").ToArray(), image.Entries.Select(e => $"{e.Path} {e.Size} {e.Layer}").ToArray());
    }

    public static IEnumerable<object[]> DamagedArchives =>
    [
        ["not a tar", new Action<string, string>((image, archive) => File.WriteAllBytes(archive, [.. Enumerable.Range(0, 2048).Select(i => (byte)('a' + i % 26))])),
            "it is not a whole tar archive"],
        ["cut short", new Action<string, string>((image, archive) => File.WriteAllBytes(archive, File.ReadAllBytes(image)[..700])), "it is not a whole tar archive"],
        ["no index", new Action<string, string>((image, archive) => Rewrite(image, archive, (name, _) => name != "index.json")), "it holds neither index.json nor manifest.json"],
        ["no manifest blob", new Action<string, string>((image, archive) => Rewrite(image, archive, (name, _) => name is "index.json" or "oci-layout")),
            "the archive lacks the manifest blob sha256:"],
        ["layer not gzip", new Action<string, string>((image, archive) => Rewrite(image, archive, (_, size) => true, damageLargest: true)), "its layer 'blobs/sha256/"],
    ];

    [TestMethod]
    [DynamicData(nameof(DamagedArchives))]
    public void A_damaged_archive_is_SLIM7031_naming_the_archive(string what, Action<string, string> damage, string reason)
    {
        using var temp = new TempFolder();
        // Text that does not compress away, so the layer is the archive's largest member.
        CheckImage.Write(temp, [LayerEntry.FromText("etc/data", string.Concat(Enumerable.Range(0, 300).Select(_ => Guid.NewGuid().ToString())))]);
        var archive = Path.Combine(temp.Path, "damaged.tar");
        damage(Path.Combine(temp.Path, "image.tar"), archive);

        var error = Assert.ThrowsExactly<SlimException>(() => ImageFileSystem.Read(archive), what);

        Assert.AreEqual(SlimDiagnostics.ImageArchiveUnreadable, error.Diagnostic, what);
        Assert.AreEqual("SLIM7031", error.Diagnostic.Code);
        var message = DiagnosticText.Of(error);
        StringAssert.Contains(message, $"The checklist cannot read the image archive '{archive}': {reason}", what);
        StringAssert.Contains(message, "Publish again", what);
    }

    /// <summary>Copies the archive's members that <paramref name="keep"/> takes; the largest (the layer) made gzip magic and garbage when asked.</summary>
    private static void Rewrite(string image, string archive, Func<string, long, bool> keep, bool damageLargest = false)
    {
        long largest;
        using (var sizes = new TarReader(File.OpenRead(image)))
            largest = Enumerable.Range(0, int.MaxValue).Select(_ => sizes.GetNextEntry()).TakeWhile(e => e is not null).Max(e => e!.Length);
        using var source = new TarReader(File.OpenRead(image));
        using var target = new TarWriter(File.Create(archive), TarEntryFormat.Pax);
        while (source.GetNextEntry(copyData: true) is { } entry)
        {
            if (!keep(entry.Name.TrimStart('.', '/'), entry.Length))
                continue;
            if (damageLargest && entry.Length == largest)
                entry.DataStream = new MemoryStream([0x1F, 0x8B, .. new byte[100]]);
            target.WriteEntry(entry);
        }
    }
}
