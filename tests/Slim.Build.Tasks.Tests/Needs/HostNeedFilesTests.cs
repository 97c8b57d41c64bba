using System.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Needs;

/// <summary>Against this Debian 12 machine: libicu72, libssl3, ca-certificates and tzdata are installed.</summary>
[TestClass]
public sealed class HostNeedFilesTests
{
    private static readonly HostNeedFiles Host = HostNeedFiles.OfThisMachine();

    [TestMethod]
    public void Icu_is_the_highest_version_here_with_its_three_libraries_and_what_they_need()
    {
        var major = InstalledIcuMajor();
        var icu = Host.Icu();

        Assert.IsTrue(icu.Found, string.Join(Environment.NewLine, icu.Tried));
        CollectionAssert.AreEqual(new[] { $"libicuuc.so.{major}", $"libicui18n.so.{major}", $"libicudata.so.{major}" }, icu.Files.Select(f => f.Name).ToArray());
        foreach (var file in icu.Files)
        {
            Assert.AreEqual($"/lib/x86_64-linux-gnu/{file.Name}", file.Path);
            StringAssert.StartsWith(file.RealPath, $"/usr/lib/x86_64-linux-gnu/{file.Name}.", "the versioned file behind the link");
            Assert.AreEqual(new FileInfo(file.RealPath).Length, file.Size);
        }
        // libicudata is the bulk: some 30 MB of collation and locale data.
        Assert.IsTrue(icu.Files[2].Size > 20_000_000, icu.Files[2].Size.ToString());
        Assert.AreEqual(icu.Files.Sum(f => f.Size), icu.Bytes);

        var closure = icu.Closure!;
        Assert.AreEqual(0, closure.Unresolved.Count);
        var needed = closure.FromHost.Select(l => l.SoName).ToList();
        CollectionAssert.Contains(needed, "libstdc++.so.6");
        CollectionAssert.Contains(needed, "libgcc_s.so.1");
        Assert.IsFalse(needed.Any(n => n.StartsWith("libicu", StringComparison.Ordinal)), "ICU's own libraries are the files, not their closure");
    }

    [TestMethod]
    public void OpenSsl_3_is_found_as_libssl_and_libcrypto()
    {
        var openSsl = Host.OpenSsl();

        Assert.IsTrue(openSsl.Found, string.Join(Environment.NewLine, openSsl.Tried));
        CollectionAssert.AreEqual(new[] { "libssl.so.3", "libcrypto.so.3" }, openSsl.Files.Select(f => f.Name).ToArray());
        Assert.AreEqual(new FileInfo("/usr/lib/x86_64-linux-gnu/libcrypto.so.3").Length, openSsl.Files[1].Size);
        Assert.AreEqual("libcrypto.so.3", openSsl.Closure!.Libraries.Single(l => l.Source == LibrarySource.Shipped).SoName, "libssl needs libcrypto");
        CollectionAssert.Contains(openSsl.Closure.FromHost.Select(l => l.SoName).ToList(), "libc.so.6");
    }

    [TestMethod]
    public void Libraries_not_in_any_folder_are_not_found_and_say_where_they_were_looked_for()
    {
        using var temp = new TempFolder();
        var empty = new HostNeedFiles([temp.Path]);

        var icu = empty.Icu();
        var openSsl = empty.OpenSsl();

        Assert.IsFalse(icu.Found);
        Assert.IsNull(icu.Closure);
        CollectionAssert.AreEqual(new[] { Path.Combine(temp.Path, "libicuuc.so.NN") }, icu.Tried.ToArray());
        Assert.IsFalse(openSsl.Found);
        CollectionAssert.AreEqual(new[] { Path.Combine(temp.Path, "libssl.so.3"), Path.Combine(temp.Path, "libssl.so.1.1") }, openSsl.Tried.ToArray());
    }

    [TestMethod]
    public void Icu_takes_the_highest_major_that_has_all_three_libraries()
    {
        using var temp = new TempFolder();
        foreach (var name in new[] { "libicuuc.so.74", "libicuuc.so.72", "libicui18n.so.72", "libicudata.so.72", "libicuuc.so.72.1", "libicuuc.so" })
            File.Copy("/usr/lib/x86_64-linux-gnu/libicuuc.so." + InstalledIcuMajor(), Path.Combine(temp.Path, name));

        var icu = new HostNeedFiles([temp.Path]).Icu();

        CollectionAssert.AreEqual(new[] { "libicuuc.so.72", "libicui18n.so.72", "libicudata.so.72" }, icu.Files.Select(f => f.Name).ToArray(), "74 lacks i18n and data");
        CollectionAssert.Contains(icu.Tried.ToList(), Path.Combine(temp.Path, "libicui18n.so.74"));
    }

    [TestMethod]
    public void The_ca_bundle_is_the_first_usual_place_that_exists()
    {
        var bundle = HostNeedFiles.CaBundle();
        Assert.AreEqual("/etc/ssl/certs/ca-certificates.crt", bundle.Files.Single().Path);
        Assert.AreEqual(new FileInfo("/etc/ssl/certs/ca-certificates.crt").Length, bundle.Bytes);
        Assert.IsTrue(bundle.Bytes > 100_000, "some 140 certificates: " + bundle.Bytes);

        using var temp = new TempFolder();
        var absent = Path.Combine(temp.Path, "absent.crt");
        var second = temp.File("cert.pem", 10);
        var found = HostNeedFiles.CaBundle([absent, second]);
        Assert.AreEqual(second, found.Files.Single().Path);
        CollectionAssert.AreEqual(new[] { absent, second }, found.Tried.ToArray());
        Assert.IsFalse(HostNeedFiles.CaBundle([absent]).Found);
    }

    [TestMethod]
    public void Tzdata_counts_each_regular_file_once_and_follows_no_link()
    {
        var tz = HostNeedFiles.TimeZones();
        var (count, bytes) = RegularFiles(HostNeedFiles.ZoneInfo);

        Assert.AreEqual(count, tz.Files.Count);
        Assert.AreEqual(bytes, tz.Bytes);
        Assert.IsTrue(tz.Files.Any(f => f.Name == "Europe/Paris"), "named relative to the folder");
        // Debian's posix/ holds links to folders; following them would count every zone twice.
        Assert.IsFalse(tz.Files.Any(f => f.Name.StartsWith("posix/Europe/", StringComparison.Ordinal)));

        using var temp = new TempFolder();
        var zones = Directory.CreateDirectory(Path.Combine(temp.Path, "zoneinfo")).FullName;
        temp.File("zoneinfo/Europe/Paris", 7);
        temp.File("zoneinfo/UTC", 3);
        File.CreateSymbolicLink(Path.Combine(zones, "Universal"), "UTC");
        Directory.CreateSymbolicLink(Path.Combine(zones, "posix"), ".");
        var small = HostNeedFiles.TimeZones(zones);
        CollectionAssert.AreEqual(new[] { "Europe/Paris", "UTC" }, small.Files.Select(f => f.Name).ToArray());
        Assert.AreEqual(10, small.Bytes);
        Assert.IsFalse(HostNeedFiles.TimeZones(Path.Combine(temp.Path, "absent")).Found);
    }

    private static int InstalledIcuMajor()
    {
        // dpkg names the package after the major version: libicu72.
        var package = Run("dpkg-query", "-W", "-f", "${Package}\n", "libicu[0-9]*").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.Trim().Length > 0).Select(p => int.Parse(p["libicu".Length..].Split(':')[0])).Max();
        return package;
    }

    private static (int Count, long Bytes) RegularFiles(string folder)
    {
        var sizes = Run("find", folder, "-type", "f", "-printf", "%s\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
        return (sizes.Count, sizes.Sum());
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
