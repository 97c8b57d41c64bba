using System.Text.Json.Serialization;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Needs;

/// <summary>Whose code an assembly is: the app's, a project it references, or a NuGet package's.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<AssemblyRole>))]
internal enum AssemblyRole { App, Project, Package }

/// <summary>A call or type use found in an assembly's metadata (see Analysis/AppCallScanner for the kinds).</summary>
internal sealed record ScannedCall(string Assembly, AssemblyRole Role, string Kind, string Member)
{
    /// <summary>Type references are uses ("uses System.Net.Http.HttpClient"); member references are calls.</summary>
    public NeedEvidence ToEvidence() =>
        new(Assembly, (Kind is AppCallScanner.Tls or AppCallScanner.Crypto or AppCallScanner.Metrics or AppCallScanner.EventSource
            or AppCallScanner.EventListener or AppCallScanner.Tracing ? "uses " : "calls ") + Member);
}
