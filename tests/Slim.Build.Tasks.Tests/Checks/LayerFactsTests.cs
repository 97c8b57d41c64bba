using System.Formats.Tar;
using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Archive;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

[TestClass]
public sealed class LayerFactsTests
{
    /// <summary>A program and its libraries in one layer; an upper layer replaces the program and deletes libc.</summary>
    private static string TwoLayerImage(TempFolder temp)
    {
        CheckImage.Write(temp,
        [
            [LayerEntry.FromFile("app/true", "/bin/true", executable: true), LayerEntry.FromFile("usr/lib/libc.so.6", "/lib/x86_64-linux-gnu/libc.so.6", executable: true),
             LayerEntry.FromFile("usr/lib/ld.so", "/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", executable: true)],
            [LayerEntry.FromText("app/true", "#!/bin/sh\nexit 0\n"), LayerEntry.FromText("usr/lib/.wh.libc.so.6", ""),
             LayerEntry.FromFile("app/false", "/bin/false", executable: true)],
        ]);
        return Path.Combine(temp.Path, "image.tar");
    }

    /// <summary>A copy of the archive whose layer blobs hold garbage under their own names: only what was learned before can read it.</summary>
    private static string WithLayersDamaged(string archive, string copy)
    {
        var layers = ImageArchiveReader.Open(archive).LayerMembers.ToHashSet(StringComparer.Ordinal);
        using var source = new TarReader(File.OpenRead(archive));
        using var target = new TarWriter(File.Create(copy), TarEntryFormat.Pax);
        while (source.GetNextEntry(copyData: true) is { } entry)
        {
            if (layers.Contains(ArchivePath.Normalize(entry.Name)))
                entry.DataStream = new MemoryStream([0x1F, 0x8B, .. new byte[100]]);
            target.WriteEntry(entry);
        }
        return copy;
    }

    private static string[] Describe(ImageFileSystem image, ImageElfFiles elf) =>
    [
        .. image.Entries.Select(e => $"{e.Path} {e.Kind} {e.Mode} {e.Size} {e.LinkTarget} {e.Layer}"),
        .. image.Waste.Select(w => $"waste {w.Path} {w.Size} {w.DeletedBy}"),
        .. elf.Files.Select(f => $"elf {f.Key} {f.Value.Type} {f.Value.Machine} {f.Value.Interpreter} {f.Value.SoName} {string.Join(",", f.Value.Needed)} {string.Join(",", f.Value.GlibcVersions)} {f.Value.SectionNames.Count}"),
    ];

    [TestMethod]
    public void A_layer_read_once_is_not_decompressed_again_and_reads_the_same()
    {
        using var temp = new TempFolder();
        var archive = TwoLayerImage(temp);
        var facts = new LayerFactsCache(Path.Combine(temp.Path, "facts"));
        var (fresh, freshElf) = ImageElfFiles.ReadArchive(archive, "linux-x64");

        var (first, firstElf) = ImageElfFiles.ReadArchive(archive, "linux-x64", facts: facts);
        var damaged = WithLayersDamaged(archive, Path.Combine(temp.Path, "damaged.tar"));
        var (again, againElf) = ImageElfFiles.ReadArchive(damaged, "linux-x64", facts: facts);

        CollectionAssert.AreEqual(Describe(fresh, freshElf), Describe(first, firstElf));
        CollectionAssert.AreEqual(Describe(fresh, freshElf), Describe(again, againElf), "the second read comes from the facts, not from the (now damaged) blobs");
        CollectionAssert.AreEqual(new[] { "app/false", "usr/lib/ld.so" }, againElf.Files.Keys.ToArray());
        Assert.ThrowsExactly<SlimException>(() => ImageElfFiles.ReadArchive(damaged, "linux-x64"), "without the facts the damaged blobs are read, and fail");
    }

    [TestMethod]
    public void Another_platform_or_other_UPX_originals_read_the_layer_again()
    {
        using var temp = new TempFolder();
        var archive = TwoLayerImage(temp);
        var facts = new LayerFactsCache(Path.Combine(temp.Path, "facts"));
        ImageElfFiles.ReadArchive(archive, "linux-x64", facts: facts);
        var damaged = WithLayersDamaged(archive, Path.Combine(temp.Path, "damaged.tar"));

        var error = Assert.ThrowsExactly<SlimException>(() => ImageElfFiles.ReadArchive(damaged, "linux-arm64", facts: facts));
        Assert.AreEqual(SlimDiagnostics.ImageArchiveUnreadable, error.Diagnostic);
        var originals = new Dictionary<string, string> { [new string('a', 64)] = "/bin/true" };
        Assert.ThrowsExactly<SlimException>(() => ImageElfFiles.ReadArchive(damaged, "linux-x64", originals, facts));
    }

    [TestMethod]
    public void Damaged_facts_are_read_again_from_the_blob_and_written_anew()
    {
        using var temp = new TempFolder();
        var archive = TwoLayerImage(temp);
        var folder = Path.Combine(temp.Path, "facts");
        var facts = new LayerFactsCache(folder);
        var (fresh, freshElf) = ImageElfFiles.ReadArchive(archive, "linux-x64", facts: facts);
        var files = Directory.GetFiles(folder);
        Assert.AreEqual(4, files.Length, "entries and ELF facts for each of the two layers: " + string.Join(", ", files.Select(Path.GetFileName)));
        foreach (var file in files)
            File.WriteAllText(file, "{ not json");

        var (again, againElf) = ImageElfFiles.ReadArchive(archive, "linux-x64", facts: facts);

        CollectionAssert.AreEqual(Describe(fresh, freshElf), Describe(again, againElf));
        foreach (var file in files)
            StringAssert.StartsWith(File.ReadAllText(file), "[", Path.GetFileName(file));
    }

    [TestMethod]
    public void The_attribution_lists_a_layer_the_checklist_read_without_decompressing_it()
    {
        using var temp = new TempFolder();
        var archive = TwoLayerImage(temp);
        var facts = new LayerFactsCache(Path.Combine(temp.Path, "facts"));
        var digests = ImageArchiveReader.Open(archive).LayerMembers.Select(m => "sha256:" + Path.GetFileName(m)).ToList();
        var fresh = Slim.Build.Tasks.Attribution.LayerListing.Read(archive, digests);
        ImageElfFiles.ReadArchive(archive, "linux-x64", facts: facts);

        var listed = Slim.Build.Tasks.Attribution.LayerListing.Read(WithLayersDamaged(archive, Path.Combine(temp.Path, "damaged.tar")), digests, facts);

        CollectionAssert.AreEqual(digests, listed.Keys.ToList());
        foreach (var digest in digests)
            CollectionAssert.AreEqual(fresh[digest], listed[digest], digest);
        CollectionAssert.Contains(listed[digests[1]], new Slim.Build.Tasks.Attribution.LayerFile("app/false", new FileInfo("/bin/false").Length));
    }

    [TestMethod]
    public void A_cache_folder_that_cannot_be_written_costs_nothing_but_the_read()
    {
        using var temp = new TempFolder();
        var archive = TwoLayerImage(temp);
        var blocked = Path.Combine(temp.Path, "a-file");
        File.WriteAllText(blocked, "");

        var (image, elf) = ImageElfFiles.ReadArchive(archive, "linux-x64", facts: new LayerFactsCache(Path.Combine(blocked, "facts")));

        CollectionAssert.AreEqual(new[] { "app/false", "usr/lib/ld.so" }, elf.Files.Keys.ToArray());
        Assert.IsNotNull(image.Entry("app/true"));
    }

    [TestMethod]
    public void A_file_read_whole_once_is_read_from_the_facts_and_damaged_kept_bytes_from_the_blob_again()
    {
        using var temp = new TempFolder();
        var archive = TwoLayerImage(temp);
        var folder = Path.Combine(temp.Path, "facts");
        var facts = new LayerFactsCache(folder);
        var expected = File.ReadAllBytes("/bin/false");
        var (image, _) = ImageElfFiles.ReadArchive(archive, "linux-x64", facts: facts);
        CollectionAssert.AreEqual(expected, image.ReadAllBytes("/app/false"));
        var kept = Directory.GetFiles(folder, "*.bin").Single();

        var (fromFacts, _) = ImageElfFiles.ReadArchive(WithLayersDamaged(archive, Path.Combine(temp.Path, "damaged.tar")), "linux-x64", facts: facts);
        CollectionAssert.AreEqual(expected, fromFacts.ReadAllBytes("/app/false"), "the blob is garbage now: the bytes came from the facts");

        var bytes = File.ReadAllBytes(kept);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(kept, bytes);
        var (again, _) = ImageElfFiles.ReadArchive(archive, "linux-x64", facts: facts);
        CollectionAssert.AreEqual(expected, again.ReadAllBytes("/app/false"), "kept bytes that no longer hash to their digest are read from the blob");
        CollectionAssert.AreEqual(expected, File.ReadAllBytes(kept)[32..], "and kept anew");
    }
}
