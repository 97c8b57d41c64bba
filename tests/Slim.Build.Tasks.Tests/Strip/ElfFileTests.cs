using System.Diagnostics;
using Slim.Build.Tasks.Strip;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Strip;

[TestClass]
public sealed class ElfFileTests
{
    [TestMethod]
    public void A_library_built_with_debug_information_has_strippable_sections()
    {
        using var temp = new TempFolder();
        var elf = ElfFile.TryRead(NativeFixtures.UnstrippedLibrary(temp.Path));
        Assert.IsNotNull(elf);
        Assert.AreEqual(ElfType.SharedObject, elf.Type);
        Assert.IsTrue(elf.Is64Bit);
        Assert.IsTrue(elf.HasStrippableSections, string.Join(",", elf.SectionNames));
        CollectionAssert.Contains(elf.SectionNames.ToList(), ".symtab");
        CollectionAssert.Contains(elf.SectionNames.ToList(), ".debug_info");
    }

    [TestMethod]
    public void The_same_library_after_strip_has_none()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.UnstrippedLibrary(temp.Path);
        Run("strip", "--strip-unneeded", library);
        var elf = ElfFile.TryRead(library)!;
        Assert.IsFalse(elf.HasStrippableSections, string.Join(",", elf.SectionNames));
        CollectionAssert.Contains(elf.SectionNames.ToList(), ".dynsym", "dynamic symbols stay");
    }

    [TestMethod]
    public void An_executable_reads_as_one()
    {
        using var temp = new TempFolder();
        var elf = ElfFile.TryRead(NativeFixtures.UnstrippedExecutable(temp.Path))!;
        // gcc builds position-independent executables, which ELF types as shared objects.
        Assert.IsTrue(elf.Type is ElfType.Executable or ElfType.SharedObject);
        Assert.IsTrue(elf.HasStrippableSections);
    }

    [TestMethod]
    public void Files_that_are_not_elf_read_as_null()
    {
        using var temp = new TempFolder();
        Assert.IsNull(ElfFile.TryRead(temp.File("App.dll", "MZ\u0090\0this is a PE file"u8.ToArray())));
        Assert.IsNull(ElfFile.TryRead(temp.File("empty", 0)));
        Assert.IsNull(ElfFile.TryRead(temp.File("short", [0x7F, (byte)'E', (byte)'L', (byte)'F'])));
    }

    [TestMethod]
    public void Section_headers_cut_off_read_as_nothing_to_strip()
    {
        using var temp = new TempFolder();
        var library = File.ReadAllBytes(NativeFixtures.UnstrippedLibrary(temp.Path));
        // Keep the ELF header but cut the file before the section header table, as a packer would.
        var truncated = temp.File("truncated.so", library[..4096]);
        var elf = ElfFile.TryRead(truncated);
        Assert.IsNotNull(elf);
        Assert.IsFalse(elf.HasStrippableSections);
    }

    internal static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"{tool} {string.Join(' ', args)}");
    }
}
