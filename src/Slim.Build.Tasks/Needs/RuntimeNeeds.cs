using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Needs;

/// <summary>
/// The one model of what the published app needs at run time, with the evidence for each need, written to
/// obj/.../slim/needs.json once per publish and read by every later step: the Dockerfile's base, the image's
/// base, the checklist, the report. No step decides a need on its own.
/// </summary>
internal sealed record RuntimeNeeds(
    GlobalizationDecision Globalization,
    IReadOnlyList<RuntimeNeed> Needs,
    IReadOnlyList<NativeLibraryNeed> NativeLibraries,
    IReadOnlyList<int> Ports)
{
    public const string FileName = "needs.json";

    /// <summary>Where ASP.NET Core listens in a container when nothing says otherwise (ASPNETCORE_HTTP_PORTS in the official images).</summary>
    public const int DefaultWebPort = 8080;

    public bool Requires(NeedKind kind) => Needs.Any(n => n.Kind == kind && n.Needed);

    public RuntimeNeed? Of(NeedKind kind) => Needs.FirstOrDefault(n => n.Kind == kind);

    public string ToJson() => StateFile.ToJson(this, NeedsStateJson.Default.RuntimeNeeds);

    /// <summary>Writes only when the content changed, so the steps that read it stay up to date.</summary>
    public bool Save(string path) => StateFile.Save(path, this, NeedsStateJson.Default.RuntimeNeeds);

    public static RuntimeNeeds Load(string path) =>
        StateFile.Load(path, "run-time needs", NeedsStateJson.Default.RuntimeNeeds);

    public static RuntimeNeeds? TryLoad(string path) => StateFile.TryLoad(path, NeedsStateJson.Default.RuntimeNeeds);
}
