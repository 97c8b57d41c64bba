using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Needs;

/// <summary>
/// obj/.../slim/app-scan.json: what the compiled code asks of the machine it runs on, and the globalization
/// decision taken from it right after compile. The needs step reads it at publish time.
/// </summary>
internal sealed record AppScan(GlobalizationDecision Globalization, IReadOnlyList<ScannedCall> Calls)
{
    public const string FileName = "app-scan.json";

    /// <summary>Reads each assembly's metadata; the app's first, then its projects', then packages'.</summary>
    public static IReadOnlyList<ScannedCall> ScanAssemblies(IEnumerable<(string Path, AssemblyRole Role)> assemblies) =>
        assemblies
            .Where(a => File.Exists(a.Path) && AppCallScanner.IsManagedAssembly(a.Path))
            .SelectMany(a => AppCallScanner.Scan(a.Path).Select(call => new ScannedCall(Path.GetFileName(a.Path), a.Role, call.Kind, call.Member)))
            .Distinct()
            .ToList();

    public IEnumerable<ScannedCall> OfKind(string kind) => Calls.Where(c => c.Kind == kind);

    public bool Save(string path) => StateFile.Save(path, this, NeedsStateJson.Default.AppScan);

    public static AppScan Load(string path) =>
        StateFile.Load(path, "app scan", NeedsStateJson.Default.AppScan);
}
