using Slim.Build.Tasks.Image.Base;

namespace Slim.Build.Tasks.Tests.Image.Base;

[TestClass]
public sealed class DpkgStatusFileTests
{
    private const string Status =
        "Package: libfoo1\nStatus: install ok installed\nArchitecture: amd64\nMulti-Arch: same\nSource: foo (1.2-3)\nVersion: 1.2-3+b1\n" +
        "Conffiles:\n /etc/foo.conf 0123\nDescription: a library\n Longer text.\n .\n More.\n\n" +
        "Package: gone\nStatus: deinstall ok config-files\nVersion: 1\n";

    [TestMethod]
    public void Status_is_read_as_packages_with_continuation_lines()
    {
        var packages = DpkgStatusFile.Parse(new StringReader(Status)).ToList();

        Assert.AreEqual(2, packages.Count);
        var foo = packages[0];
        Assert.AreEqual("libfoo1", foo.Name);
        Assert.AreEqual("1.2-3+b1", foo.Version);
        Assert.AreEqual("foo", foo.Source);
        Assert.AreEqual("1.2-3", foo.SourceVersion, "a binNMU's source version, for the SBOM's upstream qualifier");
        Assert.AreEqual("libfoo1:amd64", foo.ListName);
        Assert.AreEqual("a library\n Longer text.\n .\n More.", foo.Field("Description"));
        Assert.IsTrue(foo.IsInstalled);
        Assert.IsFalse(packages[1].IsInstalled, "config files only");
    }

    [TestMethod]
    public void A_source_field_without_a_version_gives_the_source_name_alone()
    {
        var libc = DpkgStatusFile.Parse(new StringReader("Package: libc6\nStatus: install ok installed\nSource: glibc\nVersion: 2.36-9+deb12u10\n")).Single();
        Assert.AreEqual(("glibc", (string?)null), (libc.Source, libc.SourceVersion));
    }

    [TestMethod]
    public void The_status_d_text_keeps_the_packages_fields_and_drops_dpkgs_local_ones()
    {
        var foo = DpkgStatusFile.Parse(new StringReader(Status)).First();

        Assert.AreEqual(
            "Package: libfoo1\nStatus: install ok installed\nArchitecture: amd64\nMulti-Arch: same\nSource: foo (1.2-3)\nVersion: 1.2-3+b1\n" +
            "Description: a library\n Longer text.\n .\n More.\n",
            DpkgStatusFile.Render(foo));
        Assert.AreEqual("var/lib/dpkg/status.d/libfoo1", DpkgStatusFile.ImagePath(foo));
    }

    [TestMethod]
    public void The_hosts_libc6_renders_to_text_that_reads_back_as_the_same_package()
    {
        var libc6 = DpkgDatabase.Read()!.Package("libc6")!;

        var text = DpkgStatusFile.Render(libc6);

        StringAssert.StartsWith(text, "Package: libc6\n");
        StringAssert.Contains(text, "\nVersion: " + HostMachine.DpkgVersion("libc6") + "\n");
        StringAssert.Contains(text, "\nArchitecture: amd64\n");
        StringAssert.Contains(text, "\nSource: glibc\n");
        StringAssert.Contains(text, "\nStatus: install ok installed\n");
        Assert.IsFalse(text.Contains("Conffiles"), text);
        var back = DpkgStatusFile.Parse(new StringReader(text)).Single();
        Assert.AreEqual(libc6.Version, back.Version);
        Assert.AreEqual(libc6.Field("Description"), back.Field("Description"));
    }
}
