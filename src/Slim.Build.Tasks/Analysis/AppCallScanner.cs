using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Slim.Build.Tasks.Analysis;

/// <summary>A call from the app's own assembly to an API whose behaviour a size switch or a minimal base changes.</summary>
internal sealed record RiskyCall(string Kind, string Member);

/// <summary>
/// Reads the member references of the app's compiled assembly (metadata only, nothing is loaded)
/// to find calls that invariant globalization, a base without tzdata, or the trimmed profile break.
/// </summary>
internal static class AppCallScanner
{
    public const string Culture = "culture";
    public const string TimeZone = "timezone";
    public const string SlimBuilder = "slimbuilder";

    private static readonly (string Type, string Member, string Kind)[] Watched =
    [
        ("System.Globalization.CultureInfo", ".ctor", Culture),
        ("System.Globalization.CultureInfo", "GetCultureInfo", Culture),
        ("System.Globalization.CultureInfo", "CreateSpecificCulture", Culture),
        ("System.Globalization.CultureInfo", "GetCultureInfoByIetfLanguageTag", Culture),
        ("System.Globalization.CultureInfo", "GetCultures", Culture),
        ("System.Globalization.RegionInfo", ".ctor", Culture),
        ("System.TimeZoneInfo", "FindSystemTimeZoneById", TimeZone),
        ("System.TimeZoneInfo", "TryFindSystemTimeZoneById", TimeZone),
        ("Microsoft.AspNetCore.Builder.WebApplication", "CreateSlimBuilder", SlimBuilder),
    ];

    public static IReadOnlyList<RiskyCall> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
            return [];
        var reader = pe.GetMetadataReader();
        var found = new List<RiskyCall>();
        foreach (var handle in reader.MemberReferences)
        {
            var member = reader.GetMemberReference(handle);
            if (member.Parent.Kind != HandleKind.TypeReference)
                continue;
            var type = reader.GetTypeReference((TypeReferenceHandle)member.Parent);
            var typeName = reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);
            var name = reader.GetString(member.Name);
            foreach (var watched in Watched)
                if (watched.Type == typeName && watched.Member == name)
                    found.Add(new RiskyCall(watched.Kind, typeName + (name == ".ctor" ? " constructor" : "." + name)));
        }
        return found.Distinct().ToList();
    }
}
