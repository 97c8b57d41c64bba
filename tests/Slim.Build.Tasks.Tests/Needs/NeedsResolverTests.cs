using Slim.Build.Tasks.Needs;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Tests.Needs;

[TestClass]
public sealed class NeedsResolverTests
{
    private static readonly GlobalizationDecision Invariant = GlobalizationDecision.Decide("", aggressive: false, []);

    private static NeedsInput Input(string profile = "aot", bool web = false, IReadOnlyList<ScannedCall>? calls = null,
        GlobalizationDecision? globalization = null, bool invariantTimezone = false, IReadOnlyList<NativeLibraryNeed>? libraries = null,
        IReadOnlyList<NeedEvidence>? publishOpenSsl = null) =>
        new(new AppScan(globalization ?? Invariant, calls ?? []), SizeProfiles.Parse(profile), web, invariantTimezone, [], publishOpenSsl ?? [], [], libraries ?? []);

    [TestMethod]
    public void An_aot_console_app_that_asks_for_nothing_needs_only_a_writable_tmp()
    {
        var needs = NeedsResolver.Resolve(Input());
        CollectionAssert.AreEqual(new[] { NeedKind.WritableTmp }, needs.Needs.Where(n => n.Needed).Select(n => n.Kind).ToArray());
        Assert.AreEqual(0, needs.Ports.Count);
        StringAssert.Contains(needs.Of(NeedKind.Icu)!.Reason, "invariant");
    }

    [TestMethod]
    public void A_web_app_needs_openssl_the_ca_bundle_and_its_port()
    {
        var needs = NeedsResolver.Resolve(Input(web: true));
        Assert.IsTrue(needs.Requires(NeedKind.Openssl));
        Assert.IsTrue(needs.Requires(NeedKind.CaCertificates));
        StringAssert.Contains(needs.Of(NeedKind.Openssl)!.Evidence.Single().Detail, "data protection");
        CollectionAssert.AreEqual(new[] { 8080 }, needs.Ports.ToArray());
        Assert.IsTrue(needs.Requires(NeedKind.ListeningPort));
    }

    [TestMethod]
    public void A_web_apps_reasons_are_what_happens_at_run_time()
    {
        // Measured: a minimal API under load never maps libssl (OpenSSL is loaded on first use), and serving HTTPS
        // never reads the CA bundle (only a connection the app makes verifies a certificate against it).
        var needs = NeedsResolver.Resolve(Input(web: true));
        var openSsl = needs.Of(NeedKind.Openssl)!.Evidence.Single().Detail;
        StringAssert.Contains(openSsl, "loaded on first use");
        Assert.IsFalse(openSsl.Contains("at start"), openSsl);
        var caBundle = needs.Of(NeedKind.CaCertificates)!.Evidence.Single().Detail;
        StringAssert.Contains(caBundle, "outgoing TLS connections");
        Assert.IsFalse(caBundle.Contains("serve HTTPS") || caBundle.Contains("Kestrel"), caBundle);
    }

    [TestMethod]
    public void A_framework_dependent_app_cannot_rule_openssl_out()
    {
        var needs = NeedsResolver.Resolve(Input(profile: "framework"));
        Assert.IsTrue(needs.Requires(NeedKind.Openssl));
        Assert.IsTrue(needs.Requires(NeedKind.CaCertificates));
    }

    [TestMethod]
    public void Cryptography_alone_needs_openssl_but_not_the_ca_bundle()
    {
        var needs = NeedsResolver.Resolve(Input(calls: [new ScannedCall("App.dll", AssemblyRole.App, "crypto", "System.Security.Cryptography.SHA256")]));
        Assert.IsTrue(needs.Requires(NeedKind.Openssl));
        Assert.IsFalse(needs.Requires(NeedKind.CaCertificates));
        Assert.AreEqual(new NeedEvidence("App.dll", "uses System.Security.Cryptography.SHA256"), needs.Of(NeedKind.Openssl)!.Evidence.Single());
    }

    [TestMethod]
    public void A_package_that_calls_out_over_tls_needs_both()
    {
        var needs = NeedsResolver.Resolve(Input(calls: [new ScannedCall("Azure.Core.dll", AssemblyRole.Package, "tls", "System.Net.Http.HttpClient")]));
        Assert.IsTrue(needs.Requires(NeedKind.Openssl));
        Assert.IsTrue(needs.Requires(NeedKind.CaCertificates));
    }

    [TestMethod]
    public void Publish_evidence_and_a_library_that_links_libssl_count()
    {
        Assert.IsTrue(NeedsResolver.Resolve(Input(publishOpenSsl: [new("App", "links the OpenSSL shim")])).Requires(NeedKind.Openssl));
        var linked = NeedsResolver.Resolve(Input(libraries: [new NativeLibraryNeed("libssl.so.3", false, "/usr/lib/libssl.so.3", 1, ["libgrpc.so"])]));
        Assert.AreEqual(new NeedEvidence("libgrpc.so", "needs libssl.so.3"), linked.Of(NeedKind.Openssl)!.Evidence.Single());
    }

    [TestMethod]
    public void SlimTls_false_opts_out_and_keeps_the_evidence()
    {
        var needs = NeedsResolver.Resolve(Input(web: true) with { TlsOptOut = true });
        Assert.IsFalse(needs.Requires(NeedKind.Openssl));
        Assert.IsFalse(needs.Requires(NeedKind.CaCertificates));
        StringAssert.StartsWith(needs.Of(NeedKind.Openssl)!.Reason, "SlimTls=false");
        Assert.AreEqual(1, needs.Of(NeedKind.Openssl)!.Evidence.Count);
    }

    [TestMethod]
    public void A_time_zone_lookup_needs_tzdata_unless_only_utc_exists()
    {
        ScannedCall[] lookup = [new("Quartz.dll", AssemblyRole.Package, "timezone", "System.TimeZoneInfo.FindSystemTimeZoneById")];
        Assert.IsTrue(NeedsResolver.Resolve(Input(calls: lookup)).Requires(NeedKind.Tzdata));
        Assert.IsFalse(NeedsResolver.Resolve(Input(calls: lookup, invariantTimezone: true)).Requires(NeedKind.Tzdata));
    }

    [TestMethod]
    public void A_TZ_the_image_sets_needs_tzdata()
    {
        // Measured: with TZ=Europe/Berlin an app printed Europe/Berlin times on the host and UTC ones in an image without tzdata.
        var needs = NeedsResolver.Resolve(Input() with { ContainerTimeZone = "Europe/Berlin" });
        Assert.IsTrue(needs.Requires(NeedKind.Tzdata));
        StringAssert.Contains(needs.Of(NeedKind.Tzdata)!.Evidence.Single().Detail, "TZ=Europe/Berlin");
        Assert.IsFalse(NeedsResolver.Resolve(Input()).Requires(NeedKind.Tzdata), "control: no TZ, no lookup");
        Assert.IsFalse(NeedsResolver.Resolve(Input(invariantTimezone: true) with { ContainerTimeZone = "Europe/Berlin" }).Requires(NeedKind.Tzdata));
    }

    [TestMethod]
    public void Globalization_kept_on_makes_icu_a_need_with_the_calls_as_evidence()
    {
        var call = new NeedEvidence("App.dll", "calls System.Globalization.CultureInfo.GetCultureInfo");
        var needs = NeedsResolver.Resolve(Input(globalization: GlobalizationDecision.Decide("", aggressive: false, [call])));
        Assert.IsTrue(needs.Requires(NeedKind.Icu));
        Assert.AreEqual(call, needs.Of(NeedKind.Icu)!.Evidence.Single());

        var byProject = NeedsResolver.Resolve(Input(globalization: GlobalizationDecision.Decide("false", aggressive: false, [])));
        StringAssert.Contains(byProject.Of(NeedKind.Icu)!.Evidence.Single().Detail, "the project sets InvariantGlobalization=false");
    }

    [TestMethod]
    public void The_model_survives_a_round_trip_through_needs_json()
    {
        using var temp = new TestSupport.TempFolder();
        var path = Path.Combine(temp.Path, "needs.json");
        var needs = NeedsResolver.Resolve(Input(web: true, libraries: [new NativeLibraryNeed("libc.so.6", false, "/lib/x86_64-linux-gnu/libc.so.6", 10, ["App"])]));
        Assert.IsTrue(needs.Save(path));
        Assert.IsFalse(needs.Save(path), "unchanged content is not written again");
        var loaded = RuntimeNeeds.Load(path);
        Assert.AreEqual(needs.ToJson(), loaded.ToJson());
        StringAssert.Contains(File.ReadAllText(path), "\"kind\": \"ca-certificates\"");
    }
}
