using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Slim.Build.Tasks.Analysis;

/// <summary>A call from an assembly to an API whose behaviour a size switch or a minimal base changes.</summary>
internal sealed record RiskyCall(string Kind, string Member);

/// <summary>
/// Reads the type and member references of a compiled assembly (metadata only, nothing is loaded) to find
/// what the app asks of the machine it runs on: named cultures and culture-aware string sorting (ICU; see
/// <see cref="StringCollationCalls"/>), time zones by id (tzdata), TLS and
/// cryptography (OpenSSL, CA certificates), programs started (a minimal image has no shell), and calls the
/// trimmed profile breaks.
/// </summary>
internal static class AppCallScanner
{
    public const string Culture = "culture";
    public const string TimeZone = "timezone";
    public const string Tls = "tls";
    public const string Crypto = "crypto";
    public const string SlimBuilder = "slimbuilder";
    public const string ProcessStart = "process";
    public const string Metrics = "metrics";
    public const string EventSource = "eventsource";
    public const string EventListener = "eventlistener";
    public const string Tracing = "tracing";

    /// <summary>Member references: (type, member, kind).</summary>
    private static readonly (string Type, string Member, string Kind)[] WatchedMembers =
    [
        ("System.Globalization.CultureInfo", ".ctor", Culture),
        ("System.Globalization.CultureInfo", "GetCultureInfo", Culture),
        ("System.Globalization.CultureInfo", "CreateSpecificCulture", Culture),
        ("System.Globalization.CultureInfo", "GetCultureInfoByIetfLanguageTag", Culture),
        ("System.Globalization.CultureInfo", "GetCultures", Culture),
        ("System.Globalization.RegionInfo", ".ctor", Culture),
        ("System.Globalization.CompareInfo", "GetCompareInfo", Culture),
        // ASP.NET Core creates the cultures it is given by name inside the framework, out of sight of this scan.
        ("Microsoft.AspNetCore.Builder.RequestLocalizationOptions", "SetDefaultCulture", Culture),
        ("Microsoft.AspNetCore.Builder.RequestLocalizationOptions", "AddSupportedCultures", Culture),
        ("Microsoft.AspNetCore.Builder.RequestLocalizationOptions", "AddSupportedUICultures", Culture),
        ("Microsoft.AspNetCore.Builder.ApplicationBuilderExtensions", "UseRequestLocalization", Culture),
        ("Microsoft.AspNetCore.Localization.RequestCulture", ".ctor", Culture),
        ("System.TimeZoneInfo", "FindSystemTimeZoneById", TimeZone),
        ("System.TimeZoneInfo", "TryFindSystemTimeZoneById", TimeZone),
        ("System.TimeZoneInfo", "ConvertTimeBySystemTimeZoneId", TimeZone),
        ("System.TimeZoneInfo", "GetSystemTimeZones", TimeZone),
        ("Microsoft.AspNetCore.Builder.WebApplication", "CreateSlimBuilder", SlimBuilder),
        // A minimal image has no shell and no tools: the program started must ship with the app.
        ("System.Diagnostics.Process", "Start", ProcessStart),
    ];

    /// <summary>Type references: any use of the type (or of any type in a namespace ending in '.') is the evidence.</summary>
    private static readonly (string Type, string Kind)[] WatchedTypes =
    [
        ("System.Net.Http.HttpClient", Tls),
        ("System.Net.Http.HttpClientHandler", Tls),
        ("System.Net.Http.SocketsHttpHandler", Tls),
        ("System.Net.Security.SslStream", Tls),
        ("System.Net.Mail.SmtpClient", Tls),
        ("System.Net.WebRequest", Tls),
        ("System.Net.HttpWebRequest", Tls),
        ("System.Net.WebClient", Tls),
        ("System.Net.Quic.", Tls),
        ("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions", Tls),
        ("System.Net.Http.IHttpClientFactory", Tls),
        ("Microsoft.AspNetCore.Hosting.ListenOptionsHttpsExtensions", Tls),
        ("System.Security.Cryptography.", Crypto),
        // What the feature switches MetricsSupport, EventSourceSupport and HttpActivityPropagationSupport turn off.
        ("System.Diagnostics.Metrics.", Metrics),
        ("System.Diagnostics.Tracing.EventSource", EventSource),
        ("System.Diagnostics.Tracing.EventListener", EventListener),
        ("System.Diagnostics.Activity", Tracing),
        ("System.Diagnostics.ActivitySource", Tracing),
        ("System.Diagnostics.ActivityListener", Tracing),
        ("System.Diagnostics.DiagnosticListener", Tracing),
        ("Microsoft.AspNetCore.DataProtection.", Crypto),
    ];

    public static IReadOnlyList<RiskyCall> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
            return [];
        var reader = pe.GetMetadataReader();
        var found = new List<RiskyCall>();
        foreach (var handle in reader.TypeReferences)
        {
            var typeName = FullName(reader, reader.GetTypeReference(handle));
            foreach (var (type, kind) in WatchedTypes)
                if (type.EndsWith('.') ? typeName.StartsWith(type, StringComparison.Ordinal) : typeName == type)
                    found.Add(new RiskyCall(kind, typeName));
        }
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
                continue;
            var typeName = FullName(reader, reader.GetTypeReference((TypeReferenceHandle)member.Parent));
            var name = reader.GetString(member.Name);
            foreach (var watched in WatchedMembers)
                if (watched.Type == typeName && watched.Member == name)
                    found.Add(new RiskyCall(watched.Kind, typeName + (name == ".ctor" ? " constructor" : "." + name)));
        }
        found.AddRange(StringCollationCalls.Find(reader).Select(member => new RiskyCall(Culture, member)));
        return found.Distinct().ToList();
    }

    /// <summary>Metadata only: an assembly file that is not .NET IL (a native file, a resource) has no calls.</summary>
    public static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            return pe.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    internal static string FullName(MetadataReader reader, TypeReference type)
    {
        // A nested type's namespace is its enclosing type's.
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            return FullName(reader, reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope)) + "+" + reader.GetString(type.Name);
        return reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
    }
}
