using System.Security.Cryptography;
using System.Text;
using Slim.Build.Tasks.Sbom;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Sbom;

/// <summary>A package's license and hash read offline from the NuGet cache: this test project's own SharpZipLib, and hand-made folders for the odd cases.</summary>
[TestClass]
public sealed class NuGetCacheEntryTests
{
    [TestMethod]
    public void A_restored_package_is_found_as_the_assets_file_says_with_its_license_expression_and_the_nupkg_SHA_512()
    {
        var assets = ProjectAssets.Read(OwnAssetsFile.Path, "net10.0", "");
        var directory = assets.PackageDirectory("SharpZipLib", "1.4.2");
        Assert.IsNotNull(directory, "packageFolders + libraries' path should find SharpZipLib in the NuGet cache");
        var entry = NuGetCacheEntry.Read(directory);
        Assert.AreEqual("MIT", entry.LicenseExpression);
        Assert.IsNull(entry.LicenseUrl, "with an expression, the licenseUrl is not repeated");
        // Independent of the .sha512 file: the hash of the .nupkg's own bytes.
        var nupkg = Directory.EnumerateFiles(directory, "*.nupkg").Single();
        Assert.AreEqual(Convert.ToHexString(SHA512.HashData(File.ReadAllBytes(nupkg))).ToLowerInvariant(), entry.Sha512);
    }

    [TestMethod]
    public void A_licenseUrl_is_kept_when_no_expression_is_given_but_not_NuGet_s_placeholder()
    {
        using var folder = new TempFolder();
        folder.File("old/1.0.0/old.nuspec", Encoding.UTF8.GetBytes(Nuspec("<licenseUrl>https://example.org/LICENSE</licenseUrl>")));
        Assert.AreEqual("https://example.org/LICENSE", NuGetCacheEntry.Read(Path.Combine(folder.Path, "old/1.0.0")).LicenseUrl);
        folder.File("file/1.0.0/file.nuspec", Encoding.UTF8.GetBytes(Nuspec("<license type=\"file\">LICENSE.txt</license><licenseUrl>https://aka.ms/deprecateLicenseUrl</licenseUrl>")));
        var file = NuGetCacheEntry.Read(Path.Combine(folder.Path, "file/1.0.0"));
        Assert.AreEqual("LICENSE.txt", file.LicenseFile);
        Assert.IsNull(file.LicenseUrl, "NuGet's placeholder URL names no license");
    }

    [TestMethod]
    public void Missing_or_damaged_files_leave_their_part_out_and_never_fail()
    {
        using var folder = new TempFolder();
        Assert.AreEqual(NuGetCacheEntry.None, NuGetCacheEntry.Read(null));
        Assert.AreEqual(NuGetCacheEntry.None, NuGetCacheEntry.Read(Path.Combine(folder.Path, "absent")));
        folder.File("bad/1.0.0/bad.nuspec", Encoding.UTF8.GetBytes("<package><metadata><license type=\"expression\">MIT"));
        folder.File("bad/1.0.0/bad.1.0.0.nupkg.sha512", Encoding.UTF8.GetBytes("not base64!"));
        Assert.AreEqual(NuGetCacheEntry.None, NuGetCacheEntry.Read(Path.Combine(folder.Path, "bad/1.0.0")));
        folder.File("hashonly/1.0.0/hashonly.1.0.0.nupkg.sha512", Encoding.UTF8.GetBytes(Convert.ToBase64String(new byte[64])));
        var hashOnly = NuGetCacheEntry.Read(Path.Combine(folder.Path, "hashonly/1.0.0"));
        Assert.AreEqual(new string('0', 128), hashOnly.Sha512);
        Assert.IsNull(hashOnly.LicenseExpression);
    }

    private static string Nuspec(string license) =>
        $"""<?xml version="1.0"?><package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd"><metadata><id>X</id><version>1.0.0</version>{license}</metadata></package>""";
}
