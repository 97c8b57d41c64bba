using System.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Elf;

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
    public void A_library_names_its_soname_what_it_needs_and_the_glibc_versions_it_requires()
    {
        using var temp = new TempFolder();
        var elf = ElfFile.TryRead(NativeFixtures.LibraryWithSoname(temp.Path))!;

        Assert.AreEqual("libfoo.so.1", elf.SoName);
        CollectionAssert.AreEqual(new[] { "libm.so.6", "libc.so.6" }, elf.Needed.ToArray(), string.Join(",", elf.Needed));
        Assert.IsNull(elf.Interpreter);
        Assert.IsFalse(elf.HasInterpreter);
        Assert.IsTrue(elf.IsSharedLibrary);
        Assert.IsTrue(elf.HasStrippableSections, "built with -g");
        // puts and sqrt date from glibc 2.2.5 on x64; exp's current version from 2.29.
        CollectionAssert.Contains(elf.GlibcVersions.ToList(), "GLIBC_2.2.5", string.Join(",", elf.GlibcVersions));
        CollectionAssert.AllItemsAreUnique(elf.GlibcVersions.ToList());
        Assert.IsTrue(elf.GlibcVersions.All(v => v.StartsWith("GLIBC_2.", StringComparison.Ordinal)), string.Join(",", elf.GlibcVersions));
    }

    [TestMethod]
    public void An_executable_names_its_interpreter_and_glibc_versions_oldest_first()
    {
        using var temp = new TempFolder();
        var elf = ElfFile.TryRead(NativeFixtures.UnstrippedExecutable(temp.Path))!;

        // gcc builds position-independent executables, which ELF types as shared objects.
        Assert.IsTrue(elf.Type is ElfType.Executable or ElfType.SharedObject);
        Assert.AreEqual("/lib64/ld-linux-x86-64.so.2", elf.Interpreter);
        Assert.IsTrue(elf.HasInterpreter);
        Assert.IsFalse(elf.IsSharedLibrary);
        Assert.IsNull(elf.SoName);
        CollectionAssert.AreEqual(new[] { "libc.so.6" }, elf.Needed.ToArray());
        Assert.AreEqual("GLIBC_2.2.5", elf.GlibcVersions[0], string.Join(",", elf.GlibcVersions));
        Assert.IsTrue(elf.HasStrippableSections);
    }

    [TestMethod]
    public void A_program_names_its_processor_and_the_runpath_it_was_linked_with()
    {
        using var temp = new TempFolder();
        NativeFixtures.LibraryWithSoname(temp.Path);
        var withRunPath = ElfFile.TryRead(NativeFixtures.ExecutableUsingFoo(temp.Path, temp.Path, "app", "-Wl,-rpath,$ORIGIN/lib:/opt/slim/lib"))!;
        // --disable-new-dtags writes the older DT_RPATH, which the loader reads only without DT_RUNPATH.
        var withRPath = ElfFile.TryRead(NativeFixtures.ExecutableUsingFoo(temp.Path, temp.Path, "old", "-Wl,--disable-new-dtags,-rpath,$ORIGIN"))!;
        var without = ElfFile.TryRead(NativeFixtures.UnstrippedExecutable(temp.Path))!;

        Assert.AreEqual(ElfMachine.X86_64, withRunPath.Machine);
        Assert.AreEqual("x64", withRunPath.Architecture);
        CollectionAssert.AreEqual(new[] { "$ORIGIN/lib", "/opt/slim/lib" }, withRunPath.RunPath.ToArray(), string.Join(":", withRunPath.RunPath));
        CollectionAssert.AreEqual(withRunPath.RunPath.ToArray(), withRunPath.SearchPath.ToArray());
        Assert.AreEqual(0, withRPath.RunPath.Count, string.Join(":", withRPath.RunPath));
        CollectionAssert.AreEqual(new[] { "$ORIGIN" }, withRPath.RPath.ToArray());
        CollectionAssert.AreEqual(new[] { "$ORIGIN" }, withRPath.SearchPath.ToArray());
        Assert.AreEqual(0, without.SearchPath.Count);
        CollectionAssert.Contains(withRunPath.Needed.ToList(), "libfoo.so.1", "linked by -lfoo, named by its SONAME");
        Assert.IsTrue(withRunPath.CanLoad(without));
    }

    [TestMethod]
    public void A_library_for_another_processor_cannot_be_loaded()
    {
        using var temp = new TempFolder();
        var x64 = NativeFixtures.LibraryWithSoname(temp.Path);
        var arm64 = ElfFixtures.WithMachine(x64, Path.Combine(temp.Path, "libfoo-arm64.so"), ElfMachine.AArch64);

        var host = ElfFile.TryRead(x64)!;
        var other = ElfFile.TryRead(arm64)!;
        Assert.AreEqual("arm64", other.Architecture);
        Assert.AreEqual(host.SoName, other.SoName, "only e_machine differs");
        Assert.IsFalse(host.CanLoad(other));
        Assert.IsFalse(other.CanLoad(host));
        Assert.IsTrue(host.CanLoad(host));
    }

    [TestMethod]
    public void A_stripped_copy_keeps_what_the_loader_needs_and_loses_the_symbols()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.LibraryWithSoname(temp.Path);
        var before = ElfFile.TryRead(library)!;
        Run("strip", "--strip-unneeded", library);
        var after = ElfFile.TryRead(library)!;

        Assert.IsFalse(after.HasStrippableSections, string.Join(",", after.SectionNames));
        CollectionAssert.Contains(after.SectionNames.ToList(), ".dynsym", "dynamic symbols stay");
        Assert.AreEqual(before.SoName, after.SoName);
        CollectionAssert.AreEqual(before.Needed.ToArray(), after.Needed.ToArray());
        CollectionAssert.AreEqual(before.GlibcVersions.ToArray(), after.GlibcVersions.ToArray());
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
    public void A_truncated_or_garbled_elf_file_reads_as_null_without_throwing()
    {
        using var temp = new TempFolder();
        var library = File.ReadAllBytes(NativeFixtures.LibraryWithSoname(temp.Path));
        Assert.IsNotNull(ElfFile.TryRead(new MemoryStream(library)), "the intact file reads");

        // Cut before the section header table, at the end of the file.
        Assert.IsNull(ElfFile.TryRead(temp.File("truncated.so", library[..4096])));
        // A section header offset pointing before the start of the file (e_shoff at 0x28).
        var garbled = (byte[])library.Clone();
        BitConverter.GetBytes(-64L).CopyTo(garbled, 0x28);
        Assert.IsNull(ElfFile.TryRead(new MemoryStream(garbled)));
        // An ELF magic followed by noise.
        var noise = new byte[8192];
        new Random(7).NextBytes(noise);
        library[..16].CopyTo(noise, 0);
        Assert.IsNull(ElfFile.TryRead(new MemoryStream(noise)));
    }

    [TestMethod]
    public void A_upx_packed_copy_reads_with_no_sections_so_nothing_to_strip()
    {
        if (ToolLocator.Find("upx") is null)
            Assert.Inconclusive("upx is not on PATH");
        using var temp = new TempFolder();
        var exe = NativeFixtures.LargeExecutable(temp.Path);
        var packed = Path.Combine(temp.Path, "packed");
        Run("upx", "-q", "-o", packed, exe);

        var elf = ElfFile.TryRead(packed);
        Assert.IsNotNull(elf, "a packed file is still ELF");
        Assert.AreEqual(0, elf.SectionNames.Count, string.Join(",", elf.SectionNames));
        Assert.IsFalse(elf.HasStrippableSections);
        Assert.AreEqual(0, elf.Needed.Count, "the loader's view lives in the compressed original");
    }

    internal static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"{tool} {string.Join(' ', args)}: {output.Result}{errors}");
    }
}
