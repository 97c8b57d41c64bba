using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Elf;

/// <summary>What ELF files held, kept by path, size and write time in SlimCacheDirectory for the steps that read this machine's libraries.</summary>
[TestClass]
public sealed class ElfFactsMemoTests
{
    /// <summary>/bin/true's bytes where /bin/false's were, under /bin/false's size and write time: only a memo still sees /bin/false.</summary>
    private static void SwapBytesKeepingSizeAndTime(string file, string otherBytes)
    {
        var time = File.GetLastWriteTimeUtc(file);
        var bytes = File.ReadAllBytes(otherBytes);
        Array.Resize(ref bytes, (int)new FileInfo(file).Length);
        File.WriteAllBytes(file, bytes);
        File.SetLastWriteTimeUtc(file, time);
    }

    [TestMethod]
    public void A_file_with_the_size_and_write_time_seen_before_is_answered_from_the_memo_and_a_rewritten_one_is_read_again()
    {
        using var temp = new TempFolder();
        var cache = Path.Combine(temp.Path, "cache");
        var program = temp.File("bin/program", File.ReadAllBytes("/bin/false"));
        using (ElfFactsMemo.Use(cache))
            Assert.IsNotNull(ElfFile.TryRead(program));
        File.WriteAllBytes(program, new byte[new FileInfo(program).Length]);
        File.SetLastWriteTimeUtc(program, File.GetLastWriteTimeUtc("/bin/false").AddDays(-1));
        var time = File.GetLastWriteTimeUtc(program);
        using (ElfFactsMemo.Use(cache))
            Assert.IsNull(ElfFile.TryRead(program), "a new write time: read again, and zeros are no ELF file");
        File.WriteAllBytes(program, File.ReadAllBytes("/bin/false"));
        File.SetLastWriteTimeUtc(program, time);

        using (ElfFactsMemo.Use(cache))
            Assert.IsNull(ElfFile.TryRead(program), "the size and write time the memo saw: its answer");
        Assert.IsNotNull(ElfFile.TryRead(program), "outside a step that keeps a memo, the file is read");
    }

    [TestMethod]
    public void The_memo_answers_what_reading_the_file_answers()
    {
        using var temp = new TempFolder();
        var cache = Path.Combine(temp.Path, "cache");
        var files = new[] { "/bin/true", "/lib/x86_64-linux-gnu/libc.so.6", "/etc/hostname" }.Where(File.Exists).ToArray();
        using (ElfFactsMemo.Use(cache))
            foreach (var file in files)
                ElfFile.TryRead(file);
        var swapped = temp.File("bin/false", File.ReadAllBytes("/bin/false"));
        using (ElfFactsMemo.Use(cache))
        {
            foreach (var file in files)
                Assert.AreEqual(Describe(ElfFactsMemo.Current!.TryRead(file, _ => throw new AssertFailedException("read again: " + file))), Describe(ElfFile.TryRead(file)), file);
            ElfFile.TryRead(swapped);
        }
        SwapBytesKeepingSizeAndTime(swapped, "/bin/true");
        using (ElfFactsMemo.Use(cache))
            Assert.AreEqual(Describe(ElfFile.TryRead("/bin/false")), Describe(ElfFile.TryRead(swapped)), "kept from the first read");
    }

    [TestMethod]
    public void A_damaged_memo_is_an_empty_one()
    {
        using var temp = new TempFolder();
        var cache = Path.Combine(temp.Path, "cache");
        using (ElfFactsMemo.Use(cache))
            ElfFile.TryRead("/bin/true");
        var memo = Directory.GetFiles(cache, "elf-facts.*.memo").Single();
        File.WriteAllText(memo, "{ damaged");

        using (ElfFactsMemo.Use(cache))
            Assert.AreEqual(Describe(ElfFile.TryRead("/bin/true")), Describe(ElfFactsMemo.Current!.TryRead("/bin/true", _ => throw new AssertFailedException("read again"))));
        StringAssert.Contains(File.ReadAllText(memo), "/bin/true", "written anew");
    }

    private static string Describe(ElfFile? elf) => elf is null ? "not ELF"
        : $"{elf.Type} {elf.Machine} {elf.Interpreter} {elf.SoName} {string.Join(",", elf.Needed)} {string.Join(",", elf.GlibcVersions)} {string.Join(",", elf.SectionNames)} {string.Join(",", elf.RunPath)}";
}
