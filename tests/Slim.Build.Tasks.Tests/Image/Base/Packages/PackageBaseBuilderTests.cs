using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>Bases assembled from the real Debian 12 archive's packages, for needs of a program of this machine.</summary>
[TestClass]
public sealed class PackageBaseBuilderTests
{
    private static RuntimeNeeds Needs(params NeedKind[] needed) => HostMachine.Needs("/usr/bin/true", needed);

    private static PackageBase Build(RuntimeNeeds needs, PackageLock? lockFile = null, bool lockedMode = false, IReadOnlyList<AptSource>? sources = null,
        PackageCache? cache = null)
    {
        cache ??= DebianArchiveFixture.Cache;
        var archive = DebianArchiveFixture.Archive(cache, sources);
        var fetcher = new PackageFetcher(lockFile, archive, cache, DebianArchiveFixture.Downloader(cache), "amd64", lockedMode, "slim.packages.lock.json");
        return new PackageBaseBuilder(fetcher, System.Runtime.InteropServices.Architecture.X64).Build(needs, ["/lib64/ld-linux-x86-64.so.2"]);
    }

    private static LayerEntry Entry(PackageBase image, string path) =>
        image.Entries.SingleOrDefault(e => e.Path == path) ?? throw new AssertFailedException($"no {path} in: {string.Join(", ", image.Entries.Select(e => e.Path).Take(80))}");

    [TestMethod]
    public void Glibc_alone_gives_libc6_with_its_source_glibc_base_files_and_the_accounts()
    {
        var image = Build(Needs());

        CollectionAssert.AreEquivalent(new[] { "base-files", "libc6" }, image.Packages.Select(p => p.Name).ToArray());
        var libc6 = image.Packages.Single(p => p.Name == "libc6");
        Assert.AreEqual("glibc", libc6.Source);
        Assert.AreEqual(LayerEntryKind.File, Entry(image, "lib/x86_64-linux-gnu/libc.so.6").Kind);
        Assert.AreEqual(LayerEntryKind.Symlink, Entry(image, "lib64/ld-linux-x86-64.so.2").Kind, "libc6 ships the PT_INTERP path as a link");
        Assert.AreEqual(LayerEntry.Executable, Entry(image, "lib/x86_64-linux-gnu/ld-linux-x86-64.so.2").Mode);
        var status = System.Text.Encoding.UTF8.GetString(Entry(image, "var/lib/dpkg/status.d/libc6").Content!);
        StringAssert.StartsWith(status, "Package: libc6\nStatus: install ok installed\n");
        StringAssert.Contains(status, "\nSource: glibc\n");
        StringAssert.Contains(status, $"\nVersion: {libc6.Version}\n");
        StringAssert.Contains(System.Text.Encoding.UTF8.GetString(Entry(image, "etc/passwd").Content!), "app:x:1654:1654:");
        Assert.AreEqual(LayerEntryKind.Symlink, Entry(image, "etc/os-release").Kind);
        Assert.IsFalse(image.Entries.Any(e => e.Path.StartsWith("usr/share/doc/", StringComparison.Ordinal)), "no documentation");
        Assert.AreEqual(2, image.Glibc!.Major);
        Assert.AreEqual(36, image.Glibc.Minor);
    }

    [TestMethod]
    public void Tls_icu_and_tzdata_bring_their_packages_and_what_their_libraries_need()
    {
        var image = Build(Needs(NeedKind.Openssl, NeedKind.CaCertificates, NeedKind.Icu, NeedKind.Tzdata));

        var names = image.Packages.Select(p => p.Name).ToList();
        foreach (var name in new[] { "libc6", "libssl3", "ca-certificates", "libicu72", "tzdata", "libstdc++6", "libgcc-s1" })
            CollectionAssert.Contains(names, name, string.Join(", ", names));
        Assert.IsTrue(image.Taken.Single(t => t.Name == "libstdc++6").NeededFor.Any(n => n.Contains("libicu", StringComparison.Ordinal)),
            string.Join("; ", image.Taken.Single(t => t.Name == "libstdc++6").NeededFor));
        StringAssert.StartsWith(System.Text.Encoding.UTF8.GetString(Entry(image, "etc/ssl/certs/ca-certificates.crt").Content!), "-----BEGIN CERTIFICATE-----");
        Assert.IsTrue(image.Entries.Any(e => e.Path == "usr/share/zoneinfo/Asia/Tokyo"));
        Assert.IsNotNull(Entry(image, "usr/lib/x86_64-linux-gnu/libssl.so.3").SourceFile);
        Assert.IsNotNull(Entry(image, "usr/lib/x86_64-linux-gnu/libicudata.so.72"));
        Assert.IsFalse(image.Packages.Any(p => p.Name == "gcc-12-base"), "a dependency that carries only documentation is not in the base");
    }

    private static PackageLock LockOf(PackageBase image) => PackageLock.Empty(["bookworm", "bookworm-updates", "bookworm-security"]) with { Packages = image.Taken };

    [TestMethod]
    public void With_the_lock_and_a_warm_cache_no_archive_is_needed_and_the_base_is_the_same()
    {
        var needs = Needs(NeedKind.Openssl, NeedKind.Tzdata);
        var first = Build(needs);

        var offline = Build(needs, LockOf(first), sources: []);

        CollectionAssert.AreEqual(first.Entries.Select(e => (e.Path, e.Kind, e.Mode, e.LinkTarget, e.SourceFile)).ToList(),
            offline.Entries.Select(e => (e.Path, e.Kind, e.Mode, e.LinkTarget, e.SourceFile)).ToList());
    }

    [TestMethod]
    public void Locked_mode_refuses_a_package_the_lock_lacks_and_names_it()
    {
        var glibcOnly = LockOf(Build(Needs()));

        var error = Assert.ThrowsExactly<SlimException>(() => Build(Needs(NeedKind.Openssl), glibcOnly, lockedMode: true));

        Assert.AreEqual(SlimDiagnostics.PackageNotLocked, error.Diagnostic);
        Assert.AreEqual("libssl3", error.Args[0]);
        Assert.AreEqual("openssl", error.Args[1]);
        Build(Needs(), glibcOnly, lockedMode: true); // what the lock has is fine
    }

    [TestMethod]
    public void A_locked_sha256_the_archive_file_does_not_have_is_refused_and_nothing_is_cached()
    {
        var real = LockOf(Build(Needs()));
        var tampered = real with { Packages = [.. real.Packages.Select(p => p.Name == "libc6" ? p with { Sha256 = new string('a', 64) } : p)] };
        using var temp = new TempFolder();

        var error = Assert.ThrowsExactly<SlimException>(() => Build(Needs(), tampered, cache: new PackageCache(temp.Path)));

        Assert.AreEqual(SlimDiagnostics.PackageDownloadMismatch, error.Diagnostic);
        StringAssert.StartsWith((string)error.Args[0], "libc6 ");
        Assert.IsFalse(File.Exists(new PackageCache(temp.Path).PathOf(new string('a', 64))));
    }

    [TestMethod]
    public void A_package_the_archive_does_not_have_is_named()
    {
        var needs = Needs() with { NativeLibraries = [new NativeLibraryNeed("libslim-nowhere.so.7", false, null, null, ["app"])] };

        var error = Assert.ThrowsExactly<SlimException>(() => Build(needs));

        Assert.AreEqual(SlimDiagnostics.PackageNotInArchive, error.Diagnostic);
        Assert.AreEqual("libslim-nowhere7", error.Args[0]);
        StringAssert.Contains((string)error.Args[1], "libslim-nowhere.so.7");
    }

    [TestMethod]
    public void The_sbom_reads_the_os_through_base_files_link_and_names_each_package_for_debian_12()
    {
        var image = Build(Needs());
        var planned = new List<PlannedLayer> { new("base", image.Entries, MachineWide: true), new("app", [], MachineWide: false) };
        var request = new Slim.Build.Tasks.Sbom.SbomRequest("App", "1.0.0", [], DateTimeOffset.UnixEpoch, "test");

        var sbom = System.Text.Encoding.UTF8.GetString(Slim.Build.Tasks.Image.ImageSbom.AddTo(planned, request, image.Packages, null, "/app"));

        Assert.AreEqual(LayerEntryKind.Symlink, Entry(image, "etc/os-release").Kind);
        StringAssert.Contains(sbom, "pkg:deb/debian/libc6@");
        StringAssert.Contains(sbom, "distro=debian-12");
    }
}
