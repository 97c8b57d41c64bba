using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image;

/// <summary>Layers made from this machine's files are shared by every project; a project's rarely changing ones are kept per user; the app's stay in the project.</summary>
[TestClass]
public sealed class LayerCacheTests
{
    private static readonly ImageEpoch Epoch = ImageEpoch.Default;

    [TestMethod]
    public void A_second_project_reuses_the_first_ones_machine_wide_blob_and_keeps_its_app_layer_to_itself()
    {
        using var temp = new TempFolder();
        var library = temp.File("host/libfixture.so", Enumerable.Range(0, 50_000).Select(i => (byte)(i * 7)).ToArray());
        IReadOnlyList<LayerEntry> entries = [LayerEntry.FromFile("usr/lib/libfixture.so", library, executable: false)];
        var machine = Path.Combine(temp.Path, "user-cache");
        var first = new LayerCache(Path.Combine(temp.Path, "one", "layers"), new LayerWriter(Epoch), machine);
        var second = new LayerCache(Path.Combine(temp.Path, "two", "layers"), new LayerWriter(Epoch), machine);

        var written = first.Write(entries, Epoch.Rfc3339, machineWide: true);
        var writtenAt = File.GetLastWriteTimeUtc(written.Path);
        var reused = second.Write(entries, Epoch.Rfc3339, machineWide: true);

        Assert.AreEqual(written, reused, "the second project got another blob");
        StringAssert.StartsWith(written.Path, machine);
        Assert.AreEqual(writtenAt, File.GetLastWriteTimeUtc(reused.Path), "the blob was compressed again");
        Assert.IsFalse(Directory.Exists(Path.Combine(temp.Path, "two", "layers")), "the second project wrote a copy");

        // The negative control: an app layer (not machine-wide) goes to the project's own folder.
        var app = second.Write(entries, Epoch.Rfc3339);
        StringAssert.StartsWith(app.Path, Path.Combine(temp.Path, "two", "layers"));
        Assert.AreEqual(written.Digest, app.Digest, "the same entries gave other bytes");
    }

    /// <summary>
    /// A project's packages layer survives a clean publish (obj/ removed): kept per user, found again by its bytes, marked
    /// used on every hit; one of another project with other bytes is not taken, and one unused for 30 days goes when a
    /// new one is written.
    /// </summary>
    [TestMethod]
    public void A_projects_rarely_changing_layer_is_kept_per_user_found_again_after_a_clean_publish_and_goes_when_long_unused()
    {
        using var temp = new TempFolder();
        var package = temp.File("publish/Humanizer.dll", Enumerable.Range(0, 40_000).Select(i => (byte)(i * 3)).ToArray());
        IReadOnlyList<LayerEntry> entries = [LayerEntry.FromFile("app/Humanizer.dll", package, executable: false)];
        var machine = Path.Combine(temp.Path, "user-cache");
        var obj = Path.Combine(temp.Path, "obj", "layers");

        var written = new LayerCache(obj, new LayerWriter(Epoch), machine).Write(entries, Epoch.Rfc3339, keptPerUser: true);
        StringAssert.StartsWith(written.Path, Path.Combine(machine, "projects"));
        var record = Path.ChangeExtension(Path.ChangeExtension(written.Path, null), ".json");
        File.SetLastWriteTimeUtc(record, DateTime.UtcNow.AddDays(-3));
        var writtenAt = File.GetLastWriteTimeUtc(written.Path);

        Assert.IsFalse(Directory.Exists(obj), "a copy went to obj/");
        var again = new LayerCache(obj, new LayerWriter(Epoch), machine).Write(entries, Epoch.Rfc3339, keptPerUser: true);

        Assert.AreEqual(written, again);
        Assert.AreEqual(writtenAt, File.GetLastWriteTimeUtc(again.Path), "compressed again after the clean publish");
        Assert.IsTrue(File.GetLastWriteTimeUtc(record) > DateTime.UtcNow.AddMinutes(-5), "the hit was not marked");

        // Another project's package with other bytes: a blob of its own; the first, unused for 31 days, goes.
        File.SetLastWriteTimeUtc(record, DateTime.UtcNow.AddDays(-31));
        var other = temp.File("other/Humanizer.dll", Enumerable.Range(0, 40_000).Select(i => (byte)(i * 5)).ToArray());
        var second = new LayerCache(Path.Combine(temp.Path, "two"), new LayerWriter(Epoch), machine)
            .Write([LayerEntry.FromFile("app/Humanizer.dll", other, executable: false)], Epoch.Rfc3339, keptPerUser: true);
        Assert.AreNotEqual(written.Digest, second.Digest);
        Assert.IsTrue(File.Exists(second.Path));
        Assert.IsFalse(File.Exists(written.Path) || File.Exists(record), "a layer unused for 31 days stayed");

        // Without a per-user folder it stays under obj/, as before.
        var alone = new LayerCache(obj, new LayerWriter(Epoch)).Write(entries, Epoch.Rfc3339, keptPerUser: true);
        StringAssert.StartsWith(alone.Path, obj);
    }

    [TestMethod]
    public void A_damaged_record_in_the_shared_folder_is_written_again_not_trusted()
    {
        using var temp = new TempFolder();
        IReadOnlyList<LayerEntry> entries = [LayerEntry.FromText("etc/hostname", "slim\n")];
        var machine = Path.Combine(temp.Path, "user-cache");
        var cache = new LayerCache(Path.Combine(temp.Path, "one"), new LayerWriter(Epoch), machine);
        var blob = cache.Write(entries, Epoch.Rfc3339, machineWide: true);
        File.WriteAllText(Path.ChangeExtension(Path.ChangeExtension(blob.Path, null), ".json"), "{ not json");

        Assert.AreEqual(blob.Digest, cache.Write(entries, Epoch.Rfc3339, machineWide: true).Digest);
    }

    [TestMethod]
    public void A_blob_compressed_another_way_is_not_reused()
    {
        using var temp = new TempFolder();
        IReadOnlyList<LayerEntry> entries = [LayerEntry.FromText("etc/motd", string.Concat(Enumerable.Repeat("small and safe ", 2000)))];
        var folder = Path.Combine(temp.Path, "layers");
        var fast = new LayerCache(folder, new LayerWriter(Epoch, compressionLevel: 1)).Write(entries, Epoch.Rfc3339);

        var standard = new LayerCache(folder, new LayerWriter(Epoch)).Write(entries, Epoch.Rfc3339);

        Assert.AreEqual(fast.DiffId, standard.DiffId, "the same tar");
        Assert.AreNotEqual(fast.Digest, standard.Digest, "a blob written at level 1 was handed out as the level-6 one");
        Assert.AreEqual(standard.Digest, new LayerWriter(Epoch).Write(entries, Path.Combine(temp.Path, "fresh.tar.gz")).Digest);
    }

    [TestMethod]
    public void A_folder_given_to_another_owner_is_a_new_blob()
    {
        using var temp = new TempFolder();
        var cache = new LayerCache(Path.Combine(temp.Path, "layers"), new LayerWriter(Epoch));
        var rootOwned = cache.Write([LayerEntry.Folder("home/app", 0x1ED)], Epoch.Rfc3339);

        var appOwned = cache.Write([LayerEntry.OwnedFolder("home/app", 0x1ED, userId: 1654, groupId: 1654)], Epoch.Rfc3339);

        Assert.AreNotEqual(rootOwned.DiffId, appOwned.DiffId, "the root-owned folder's cached blob was handed out for the app-owned one");
    }

    [TestMethod]
    public void Only_this_machines_files_have_their_hashes_remembered()
    {
        using var temp = new TempFolder();
        var library = temp.File("host/libfixture.so", Enumerable.Range(0, 5_000).Select(i => (byte)(i * 3)).ToArray());
        IReadOnlyList<LayerEntry> entries = [LayerEntry.FromFile("usr/lib/libfixture.so", library, executable: false)];
        var machine = Path.Combine(temp.Path, "user-cache");
        var cache = new LayerCache(Path.Combine(temp.Path, "project", "layers"), new LayerWriter(Epoch), machine);
        cache.Write(entries, Epoch.Rfc3339, machineWide: true);
        StringAssert.Contains(File.ReadAllText(Path.Combine(machine, LayerCache.HashMemoFile)), library);
        cache.Write(entries, Epoch.Rfc3339);
        Assert.IsFalse(File.Exists(Path.Combine(temp.Path, "project", "layers", LayerCache.HashMemoFile)), "the project's files are read every time");
    }

    [TestMethod]
    public void A_file_rewritten_with_the_same_bytes_reuses_the_blob_and_one_with_other_bytes_at_the_same_time_does_not()
    {
        using var temp = new TempFolder();
        var file = temp.File("publish/App.dll", Enumerable.Range(0, 40_000).Select(i => (byte)(i * 13)).ToArray());
        IReadOnlyList<LayerEntry> entries = [LayerEntry.FromFile("app/App.dll", file, executable: false)];
        var cache = new LayerCache(Path.Combine(temp.Path, "layers"), new LayerWriter(Epoch));
        var first = cache.Write(entries, Epoch.Rfc3339);
        var writtenAt = File.GetLastWriteTimeUtc(first.Path);

        // As ILLink does on every trim: the same bytes, a new time.
        File.WriteAllBytes(file, File.ReadAllBytes(file));
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(5));
        var again = cache.Write(entries, Epoch.Rfc3339);
        Assert.AreEqual(first, again);
        Assert.AreEqual(writtenAt, File.GetLastWriteTimeUtc(again.Path), "the blob was compressed again");

        // Other bytes of the same length with the time put back: a key made of size and time would hand out the old blob.
        var time = File.GetLastWriteTimeUtc(file);
        File.WriteAllBytes(file, Enumerable.Range(0, 40_000).Select(i => (byte)(i * 17)).ToArray());
        File.SetLastWriteTimeUtc(file, time);
        Assert.AreNotEqual(first.DiffId, cache.Write(entries, Epoch.Rfc3339).DiffId);
    }

    [TestMethod]
    public void A_shared_folder_that_cannot_be_written_says_why_and_a_writable_one_is_left_clean()
    {
        using var temp = new TempFolder();
        var file = Path.Combine(temp.Path, "layers-is-a-file");
        File.WriteAllText(file, "x");

        Assert.IsNotNull(LayerCache.WhyNotWritable(file), "a file where the folder should be");
        Assert.IsNotNull(LayerCache.WhyNotWritable(Path.Combine(file, "slim", "layers")), "a folder under a file");
        var writable = Path.Combine(temp.Path, "cache", "slim", "layers");
        Assert.IsNull(LayerCache.WhyNotWritable(writable));
        Assert.AreEqual(0, Directory.GetFileSystemEntries(writable).Length, "the probe file was left behind");
    }
}
