using Slim.Build.Tasks.Image.Base.Packages;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

/// <summary>The archive's real InRelease against the machine's real Debian archive keyring, as gpgv checks it.</summary>
[TestClass]
public sealed class ClearsignedTextTests
{
    private static readonly Lazy<string> RealInRelease = new(() =>
    {
        var source = DebianArchiveFixture.Sources.First(s => s.Suites.Contains(DebianRelease.Codename));
        var failures = new List<string>();
        return DebianArchiveFixture.Downloader().GetText([source.DistsUrl(DebianRelease.Codename, "InRelease")], failures)
            ?? throw new AssertFailedException("cannot fetch InRelease: " + string.Join("; ", failures));
    });

    private static ArchiveKeyring Keyring(string name = "debian-archive-keyring.gpg") => ArchiveKeyring.Read("/usr/share/keyrings/" + name);

    [TestMethod]
    public void The_real_InRelease_verifies_with_the_archive_keyring_and_lists_the_packages_index()
    {
        var text = ClearsignedText.Verify(RealInRelease.Value, Keyring(), out var whyNot);

        Assert.IsNotNull(text, whyNot);
        var release = InRelease.Parse(text);
        Assert.AreEqual(DebianRelease.Codename, release.Codename);
        Assert.IsTrue(release.Files.TryGetValue("main/binary-amd64/Packages.xz", out var index), "InRelease lists main/binary-amd64/Packages.xz");
        Assert.AreEqual(64, index.Sha256.Length);
        Assert.IsTrue(index.Size > 1_000_000, $"the main index is large: {index.Size} B");
    }

    [TestMethod]
    public void One_changed_hash_in_the_text_fails_the_signature()
    {
        var lines = RealInRelease.Value.Split('\n');
        var at = Array.FindIndex(lines, l => l.Contains("main/binary-amd64/Packages.xz", StringComparison.Ordinal));
        // The first hex digit of the index's hash changed: what a mirror that swaps the index would have to do.
        var hash = lines[at].TrimStart();
        lines[at] = lines[at].Replace(hash, (hash[0] == '0' ? '1' : '0') + hash[1..], StringComparison.Ordinal);

        Assert.IsNull(ClearsignedText.Verify(string.Join('\n', lines), Keyring(), out var whyNot));
        StringAssert.Contains(whyNot, "does not match the text");
    }

    [TestMethod]
    public void A_keyring_without_the_signing_keys_trusts_nothing()
    {
        Assert.IsNull(ClearsignedText.Verify(RealInRelease.Value, Keyring("debian-archive-bullseye-stable.gpg"), out var whyNot));
        StringAssert.Contains(whyNot, "is in the keyring");
    }

    [TestMethod]
    public void A_document_without_a_signature_is_refused()
    {
        var unsigned = RealInRelease.Value[..RealInRelease.Value.IndexOf("-----BEGIN PGP SIGNATURE-----", StringComparison.Ordinal)];

        Assert.IsNull(ClearsignedText.Verify(unsigned, Keyring(), out var whyNot));
        Assert.IsNull(ClearsignedText.Verify("Origin: Debian\nSuite: stable\n", Keyring(), out _));
        StringAssert.Contains(whyNot, "no signature");
    }
}
