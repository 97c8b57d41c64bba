using Slim.Build.Tasks.Image.Base.Packages;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

[TestClass]
public sealed class PackageRelationTests
{
    [TestMethod]
    public void Depends_gives_each_first_alternative_without_version_or_architecture()
    {
        CollectionAssert.AreEqual(new[] { "libc6", "debconf", "perl", "gcc-12-base" },
            PackageRelation.Names("libc6 (>= 2.34), debconf (>= 0.5) | debconf-2.0, perl:any,\n gcc-12-base (= 12.2.0-14)").ToArray());
        Assert.AreEqual(0, PackageRelation.Names(null).Count);
    }

    [TestMethod]
    [DataRow("libc.so.6", "libc6")]
    [DataRow("libm.so.6", "libc6")]
    [DataRow("ld-linux-x86-64.so.2", "libc6")]
    [DataRow("ld-linux-aarch64.so.1", "libc6")]
    [DataRow("libpthread.so.0", "libc6")]
    [DataRow("libz.so.1", "zlib1g")]
    [DataRow("libgcc_s.so.1", "libgcc-s1")]
    [DataRow("libstdc++.so.6", "libstdc++6")]
    [DataRow("libssl.so.3", "libssl3")]
    [DataRow("libicudata.so.72", "libicu72")]
    [DataRow("liblttng-ust.so.1", "liblttng-ust1")]
    [DataRow("libgssapi_krb5.so.2", "libgssapi-krb5-2")]
    [DataRow("libunwind.so.8", "libunwind8")]
    public void A_soname_maps_to_its_debian_package(string soName, string package) =>
        Assert.AreEqual(package, SoNamePackages.PackageOf(soName));
}
