using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Needs;

/// <summary>What the publish shows about the app, gathered by the needs step for <see cref="NeedsResolver"/>.</summary>
/// <param name="PublishOpenSsl">Evidence from the shipped files that OpenSSL can be loaded (see <see cref="PublishEvidence"/>).</param>
/// <param name="PublishTls">Evidence from the shipped files that TLS connections can be made.</param>
internal sealed record NeedsInput(
    AppScan Scan,
    SizeProfile Profile,
    bool IsWebApp,
    bool InvariantTimezone,
    IReadOnlyList<int> Ports,
    IReadOnlyList<NeedEvidence> PublishOpenSsl,
    IReadOnlyList<NeedEvidence> PublishTls,
    IReadOnlyList<NativeLibraryNeed> NativeLibraries)
{
    /// <summary>SlimTls=false: the project opted out of TLS and cryptography; their evidence is kept, their needs are not.</summary>
    public bool TlsOptOut { get; init; }

    /// <summary>TZ as the image's environment sets it (ContainerEnvironmentVariable), e.g. Europe/Berlin; null when it does not.</summary>
    public string? ContainerTimeZone { get; init; }
}

/// <summary>
/// Decides each need from its evidence. Where Slim cannot rule a need out (a framework-dependent app runs on
/// the whole shared framework; an ASP.NET Core app may encrypt or call out through framework code), it is needed:
/// a bigger image is better than one that breaks the app.
/// </summary>
internal static class NeedsResolver
{
    public static RuntimeNeeds Resolve(NeedsInput input)
    {
        var framework = input.Profile == SizeProfile.Framework;
        var calls = input.Scan.Calls;
        var tls = Evidence(calls, AppCallScanner.Tls).Concat(input.PublishTls).ToList();
        var openSsl = tls.Concat(Evidence(calls, AppCallScanner.Crypto)).Concat(input.PublishOpenSsl)
            .Concat(input.NativeLibraries.Where(IsOpenSsl).Select(l => new NeedEvidence(l.NeededBy.FirstOrDefault() ?? l.Name, "needs " + l.Name)))
            .ToList();
        if (input.IsWebApp)
        {
            // Measured: a minimal API under load never maps libssl; OpenSSL is loaded on first use, not at start.
            openSsl.Add(new("ASP.NET Core", "may use cryptography or TLS at run time (data protection keys for antiforgery tokens and cookies, an HTTPS endpoint), which .NET on Linux does through OpenSSL, loaded on first use"));
            // Serving HTTPS never reads the CA bundle; only a connection the app makes verifies against it.
            tls.Add(new("ASP.NET Core", "may make outgoing TLS connections through framework code Slim does not scan (an HttpClient from configuration, authentication metadata); each verifies the server's certificate against the CA bundle"));
        }
        if (framework)
        {
            openSsl.Add(new("profile", "framework-dependent: the whole shared framework is there, so Slim cannot rule OpenSSL out"));
            tls.Add(new("profile", "framework-dependent: the whole shared framework is there, so Slim cannot rule TLS out"));
        }

        var globalization = input.Scan.Globalization;
        var icuEvidence = globalization.Invariant ? []
            : globalization.CultureCalls.Count > 0 ? globalization.CultureCalls
            : [new NeedEvidence("InvariantGlobalization", globalization.Reason)];
        var timeZones = input.InvariantTimezone ? [] : Evidence(calls, AppCallScanner.TimeZone).ToList();
        // The local time zone is read from tzdata by TZ's name; without tzdata .NET silently falls back to UTC.
        if (!input.InvariantTimezone && !string.IsNullOrWhiteSpace(input.ContainerTimeZone))
            timeZones.Add(new("ContainerEnvironmentVariable", $"sets TZ={input.ContainerTimeZone.Trim()}: DateTime.Now and TimeZoneInfo.Local read that zone from tzdata"));

        var needs = new List<RuntimeNeed>
        {
            OptedOut(input.TlsOptOut, Need(NeedKind.Openssl, openSsl, "TLS or cryptography", "nothing that ships uses TLS or cryptography")),
            OptedOut(input.TlsOptOut, Need(NeedKind.CaCertificates, tls, "TLS connections verify certificates against the CA bundle", "nothing that ships makes TLS connections")),
            Need(NeedKind.Icu, icuEvidence, "globalization is not invariant", "globalization is invariant: " + globalization.Reason),
            Need(NeedKind.Tzdata, timeZones, "time zones are looked up by id or TZ names the local one",
                input.InvariantTimezone ? "InvariantTimezone=true: only UTC exists" : "no code looks up a time zone by id"),
            Need(NeedKind.WritableTmp,
                [new("runtime", input.IsWebApp
                    ? "Path.GetTempPath() is /tmp; ASP.NET Core buffers large request bodies and form files there"
                    : "Path.GetTempPath() is /tmp, where libraries write temporary files")],
                "temporary files", ""),
        };
        var ports = input.Ports.Count > 0 ? input.Ports : input.IsWebApp ? [RuntimeNeeds.DefaultWebPort] : [];
        if (ports.Count > 0)
            needs.Add(Need(NeedKind.ListeningPort,
                [new(input.Ports.Count > 0 ? "ContainerPort" : "ASP.NET Core", "listens on " + string.Join(", ", ports))], "a web app listens", ""));
        return new RuntimeNeeds(globalization, needs, input.NativeLibraries, ports);
    }

    private static IEnumerable<NeedEvidence> Evidence(IEnumerable<ScannedCall> calls, string kind) =>
        calls.Where(c => c.Kind == kind).Select(c => c.ToEvidence());

    private static RuntimeNeed Need(NeedKind kind, IReadOnlyList<NeedEvidence> evidence, string why, string whyNot) =>
        new(kind, evidence.Count > 0, evidence.Count > 0 ? why : whyNot, evidence.Distinct().ToList());

    private static RuntimeNeed OptedOut(bool optOut, RuntimeNeed need) =>
        optOut ? need with { Needed = false, Reason = "SlimTls=false: the project opted out" + (need.Evidence.Count > 0 ? ", although: " + need.Reason : "") } : need;

    private static bool IsOpenSsl(NativeLibraryNeed library) =>
        library.Name.StartsWith("libssl.so", StringComparison.Ordinal) || library.Name.StartsWith("libcrypto.so", StringComparison.Ordinal);
}
