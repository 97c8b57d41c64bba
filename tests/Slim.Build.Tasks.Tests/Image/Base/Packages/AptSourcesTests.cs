using Slim.Build.Tasks.Image.Base.Packages;

namespace Slim.Build.Tasks.Tests.Image.Base.Packages;

[TestClass]
public sealed class AptSourcesTests
{
    [TestMethod]
    public void Deb822_stanzas_give_their_uris_suites_and_keyring_and_skip_disabled_and_source_ones()
    {
        const string text = """
            Types: deb
            # a comment
            URIs: http://archive.example/debian
            Suites: bookworm bookworm-updates
            Components: main contrib
            Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

            Types: deb-src
            URIs: http://archive.example/debian
            Suites: bookworm
            Components: main

            Types: deb
            URIs: http://off.example/debian
            Suites: bookworm
            Components: main
            Enabled: no
            """;

        var sources = AptSources.ParseDeb822(text).ToList();

        Assert.AreEqual(1, sources.Count);
        Assert.AreEqual("http://archive.example/debian", sources[0].Uri);
        CollectionAssert.AreEqual(new[] { "bookworm", "bookworm-updates" }, sources[0].Suites.ToArray());
        Assert.AreEqual("/usr/share/keyrings/debian-archive-keyring.gpg", sources[0].SignedBy);
        Assert.AreEqual("http://archive.example/debian/dists/bookworm/InRelease", sources[0].DistsUrl("bookworm", "InRelease"));
    }

    [TestMethod]
    public void One_line_sources_read_options_and_release_filtering_keeps_the_release_suites_with_main()
    {
        const string text = """
            deb [arch=amd64 signed-by=/k.gpg] http://archive.example/debian/ bookworm main # trailing comment
            deb http://archive.example/debian bookworm-backports main
            deb http://security.example/debian-security bookworm-security main
            deb http://archive.example/debian trixie main
            deb-src http://archive.example/debian bookworm main
            deb http://other.example/debian bookworm contrib
            """;

        var sources = AptSources.ForRelease(AptSources.ParseOneLine(text), "bookworm");

        Assert.AreEqual(2, sources.Count, string.Join("; ", sources));
        Assert.AreEqual("http://archive.example/debian", sources[0].Uri);
        CollectionAssert.AreEqual(new[] { "bookworm" }, sources[0].Suites.ToArray(), "backports and other releases are not the release");
        Assert.AreEqual("/k.gpg", sources[0].SignedBy);
        CollectionAssert.AreEqual(new[] { "bookworm-security" }, sources[1].Suites.ToArray());
    }

    [TestMethod]
    public void This_machine_has_the_release_its_updates_and_its_security_suite()
    {
        var suites = AptSources.OfMachine(DebianRelease.Codename).SelectMany(s => s.Suites).ToList();

        CollectionAssert.AreEquivalent(new[] { "bookworm", "bookworm-updates", "bookworm-security" }, suites);
    }

    [TestMethod]
    public void A_mirror_alone_serves_the_release_and_its_updates_and_a_second_names_its_suites()
    {
        var sources = AptSources.FromMirror("http://mirror.example/debian/ ; http://mirror.example/debian-security bookworm-security", "bookworm");

        Assert.AreEqual("http://mirror.example/debian", sources[0].Uri);
        CollectionAssert.AreEqual(new[] { "bookworm", "bookworm-updates" }, sources[0].Suites.ToArray());
        CollectionAssert.AreEqual(new[] { "bookworm-security" }, sources[1].Suites.ToArray());
        Assert.IsNull(AptSources.FirstInvalidMirror("http://mirror.example/debian; https://m2.example/debian bookworm"));
        Assert.AreEqual("ftp://mirror.example/debian", AptSources.FirstInvalidMirror("ftp://mirror.example/debian"));
        Assert.AreEqual("mirror.example", AptSources.FirstInvalidMirror("mirror.example"));
    }
}
