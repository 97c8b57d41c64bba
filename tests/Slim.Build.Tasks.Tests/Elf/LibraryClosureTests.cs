using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Elf;

[TestClass]
public sealed class LibraryClosureTests
{
    private static readonly IReadOnlyList<string> System = SystemLibraryFolders.OfThisMachine();

    [TestMethod]
    public void A_program_needs_its_interpreter_and_libc_from_the_host()
    {
        using var temp = new TempFolder();
        var program = NativeFixtures.UnstrippedExecutable(temp.Path);

        var closure = LibraryClosure.Resolve([program], System);

        Assert.AreEqual(0, closure.Unresolved.Count, Describe(closure));
        var interpreter = closure.Libraries.Single(l => l.FoundBy == LibraryLookup.Interpreter);
        Assert.AreEqual("ld-linux-x86-64.so.2", interpreter.SoName);
        Assert.AreEqual("/lib64/ld-linux-x86-64.so.2", interpreter.Path, "where the program asks for it");
        Assert.AreEqual("/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2", interpreter.RealPath);
        Assert.AreEqual(new FileInfo(interpreter.RealPath).Length, interpreter.Size);
        Assert.AreEqual(program, interpreter.NeededBy[0]);

        var libc = closure.Libraries.Single(l => l.SoName == "libc.so.6");
        Assert.AreEqual(LibrarySource.Host, libc.Source);
        Assert.AreEqual(LibraryLookup.SystemFolder, libc.FoundBy);
        Assert.AreEqual("/lib/x86_64-linux-gnu/libc.so.6", libc.Path);
        CollectionAssert.AreEqual(new[] { program }, libc.NeededBy.ToArray());
        // libc needs the loader too: the one entry names both requesters.
        CollectionAssert.Contains(interpreter.NeededBy.ToList(), libc.Path);
        CollectionAssert.AreEquivalent(new[] { "ld-linux-x86-64.so.2", "libc.so.6" }, closure.Libraries.Select(l => l.SoName).ToArray());
        Assert.AreEqual(interpreter.Size + libc.Size, closure.HostBytes);
    }

    [TestMethod]
    public void A_shipped_library_is_found_by_its_soname_and_its_own_needs_are_followed()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.LibraryWithSoname(temp.Path);
        var program = NativeFixtures.ExecutableUsingFoo(temp.Path, temp.Path);

        // The file is libfoo.so; the program asks for its SONAME, libfoo.so.1.
        var closure = LibraryClosure.Resolve([program, library], System);

        var foo = closure.Libraries.Single(l => l.SoName == "libfoo.so.1");
        Assert.AreEqual(LibrarySource.Shipped, foo.Source, Describe(closure));
        Assert.AreEqual(LibraryLookup.ShippedFile, foo.FoundBy);
        Assert.AreEqual(library, foo.Path);
        CollectionAssert.AreEqual(new[] { program }, foo.NeededBy.ToArray());
        var libm = closure.Libraries.Single(l => l.SoName == "libm.so.6");
        Assert.AreEqual(LibrarySource.Host, libm.Source);
        CollectionAssert.AreEqual(new[] { library }, libm.NeededBy.ToArray(), "only the library calls sqrt");
        Assert.AreEqual(0, closure.Unresolved.Count, Describe(closure));
        Assert.IsFalse(closure.FromHost.Any(l => l.SoName == "libfoo.so.1"));
    }

    [TestMethod]
    public void A_runpath_with_origin_is_searched_before_the_system_folders()
    {
        using var temp = new TempFolder();
        var libFolder = Directory.CreateDirectory(Path.Combine(temp.Path, "lib")).FullName;
        var library = NativeFixtures.LibraryWithSoname(libFolder);
        File.CreateSymbolicLink(Path.Combine(libFolder, "libfoo.so.1"), "libfoo.so");
        var program = NativeFixtures.ExecutableUsingFoo(temp.Path, libFolder, "app", "-Wl,-rpath,$ORIGIN/lib");

        var found = LibraryClosure.Resolve([program], System).Libraries.Single(l => l.SoName == "libfoo.so.1");
        Assert.AreEqual(LibraryLookup.SearchPath, found.FoundBy);
        Assert.AreEqual(LibrarySource.Host, found.Source, "not among the files given as shipped");
        Assert.AreEqual(Path.Combine(libFolder, "libfoo.so.1"), found.Path);
        Assert.AreEqual(library, found.RealPath, "the link resolved, the soname kept");
        Assert.AreEqual(new FileInfo(library).Length, found.Size);

        var withoutRunPath = LibraryClosure.Resolve([NativeFixtures.ExecutableUsingFoo(temp.Path, libFolder, "plain")], System);
        Assert.AreEqual("libfoo.so.1", withoutRunPath.Unresolved.Single().SoName, "the system folders do not hold it");
    }

    [TestMethod]
    public void The_runtime_library_pulls_in_libstdcxx_and_through_it_libgcc()
    {
        var coreclr = RuntimeFile("libcoreclr.so");
        var closure = LibraryClosure.Resolve([coreclr], System);

        Assert.AreEqual(0, closure.Unresolved.Count, Describe(closure));
        var stdcxx = closure.Libraries.Single(l => l.SoName == "libstdc++.so.6");
        Assert.AreEqual("/lib/x86_64-linux-gnu/libstdc++.so.6", stdcxx.Path);
        StringAssert.StartsWith(stdcxx.RealPath, "/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.");
        Assert.AreEqual(new FileInfo(stdcxx.RealPath).Length, stdcxx.Size);
        Assert.IsTrue(stdcxx.Size > 1_000_000, "the real file, not the link: " + stdcxx.Size);
        var gcc = closure.Libraries.Single(l => l.SoName == "libgcc_s.so.1");
        CollectionAssert.AreEqual(new[] { coreclr, stdcxx.Path }, gcc.NeededBy.ToArray());
        Assert.IsTrue(closure.Libraries.All(l => l.Source == LibrarySource.Host));
    }

    [TestMethod]
    public void A_missing_library_is_reported_with_who_needs_it()
    {
        using var temp = new TempFolder();
        var traceProvider = RuntimeFile("libcoreclrtraceptprovider.so");
        var library = NativeFixtures.LibraryWithSoname(temp.Path);
        var program = NativeFixtures.ExecutableUsingFoo(temp.Path, temp.Path);
        File.Delete(library);

        var closure = LibraryClosure.Resolve([traceProvider, program], System);

        // The runtime's LTTng provider needs liblttng-ust, which minimal bases and this machine lack.
        var lttng = closure.Unresolved.Single(u => u.SoName.StartsWith("liblttng-ust.so.", StringComparison.Ordinal));
        CollectionAssert.AreEqual(new[] { traceProvider }, lttng.NeededBy.ToArray());
        var foo = closure.Unresolved.Single(u => u.SoName == "libfoo.so.1");
        CollectionAssert.AreEqual(new[] { program }, foo.NeededBy.ToArray());
        Assert.AreEqual(0, foo.Rejected.Count);
        Assert.IsTrue(closure.Libraries.Any(l => l.SoName == "libc.so.6"), "what resolves still does");
    }

    [TestMethod]
    public void An_arm64_library_finds_nothing_among_the_x64_host_libraries()
    {
        using var temp = new TempFolder();
        var library = NativeFixtures.LibraryWithSoname(temp.Path);
        var program = NativeFixtures.ExecutableUsingFoo(temp.Path, temp.Path);
        var arm64 = ElfFixtures.WithMachine(library, library, ElfMachine.AArch64);

        var closure = LibraryClosure.Resolve([program, arm64], System);

        var libc = closure.Unresolved.Single(u => u.SoName == "libc.so.6");
        CollectionAssert.AreEqual(new[] { arm64 }, libc.NeededBy.ToArray(), Describe(closure));
        Assert.AreEqual("/lib/x86_64-linux-gnu/libc.so.6: x64, not arm64", libc.Rejected[0]);
        var foo = closure.Unresolved.Single(u => u.SoName == "libfoo.so.1");
        CollectionAssert.AreEqual(new[] { program }, foo.NeededBy.ToArray(), "the x64 program cannot load the shipped arm64 copy");
        Assert.AreEqual(arm64 + ": arm64, not x64", foo.Rejected.Single());
        var hostLibc = closure.Libraries.Single(l => l.SoName == "libc.so.6");
        CollectionAssert.AreEqual(new[] { program }, hostLibc.NeededBy.ToArray(), "the program's own libc still resolves");
    }

    [TestMethod]
    public void Files_that_are_not_elf_or_not_there_are_skipped_with_a_reason()
    {
        using var temp = new TempFolder();
        var dll = temp.File("App.dll", "MZ\u0090\0a PE file"u8.ToArray());
        var absent = Path.Combine(temp.Path, "gone.so");

        var closure = LibraryClosure.Resolve([dll, absent, dll], System);

        Assert.AreEqual(0, closure.Libraries.Count);
        CollectionAssert.AreEqual(
            new[] { new SkippedFile(dll, "not an ELF file"), new SkippedFile(absent, "no such file") },
            closure.Skipped.ToArray());
    }

    [TestMethod]
    public void The_same_files_give_the_same_closure()
    {
        var files = new[] { RuntimeFile("libcoreclr.so"), RuntimeFile("libclrjit.so"), RuntimeFile("libSystem.Native.so") };
        Assert.AreEqual(Describe(LibraryClosure.Resolve(files, System)), Describe(LibraryClosure.Resolve(files, System)));
    }

    private static string RuntimeFile(string name)
    {
        // The runtime this test runs on ships the same native files as a self-contained publish.
        var path = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, name);
        if (!File.Exists(path))
            Assert.Inconclusive(path + " is not here");
        return path;
    }

    private static string Describe(LibraryClosure closure) => string.Join(Environment.NewLine,
        closure.Libraries.Select(l => $"{l.SoName} {l.Source} {l.FoundBy} {l.Path} {l.RealPath} {l.Size} <- {string.Join(",", l.NeededBy)}")
            .Concat(closure.Unresolved.Select(u => $"missing {u.SoName} <- {string.Join(",", u.NeededBy)} [{string.Join(";", u.Rejected)}]"))
            .Concat(closure.Skipped.Select(s => $"skipped {s.Path}: {s.Reason}")));
}
