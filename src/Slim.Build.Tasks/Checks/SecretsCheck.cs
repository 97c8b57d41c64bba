using System.Text;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// Nothing that should not ship: development settings, keys and certificates, .env files, user secrets, and
/// NuGet.config files that hold feed credentials (the Web SDK publishes a NuGet.config beside the project).
/// </summary>
internal sealed class SecretsCheck : IImageCheck
{
    private static readonly string[] Names = [".env", "secrets.json"];
    private static readonly string[] Extensions = [".pfx", ".p12", ".key"];

    public string Name => "no-secrets";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckSecretsShipped;

    public CheckFinding Run(ImageCheckContext context)
    {
        var found = new List<string>();
        var nugetConfigs = new List<ImageFileEntry>();
        foreach (var e in context.Image.Entries.Where(e => e.Kind == ImageEntryKind.File))
        {
            var name = e.Path[(e.Path.LastIndexOf('/') + 1)..];
            if (name.EndsWith(".Development.json", StringComparison.OrdinalIgnoreCase))
                found.Add($"{e.Display}: development settings");
            else if (Names.Contains(name, StringComparer.OrdinalIgnoreCase))
                found.Add($"{e.Display}: {name}");
            else if (Extensions.Any(x => name.EndsWith(x, StringComparison.OrdinalIgnoreCase)))
                found.Add($"{e.Display}: a private key or certificate store");
            else if (name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase))
                nugetConfigs.Add(e);
        }
        context.Image.Scan(nugetConfigs.Contains, (entry, data) =>
        {
            using var reader = new StreamReader(data, Encoding.UTF8);
            var text = reader.ReadToEnd();
            if (text.Contains("<packageSourceCredentials", StringComparison.OrdinalIgnoreCase) || text.Contains("ClearTextPassword", StringComparison.OrdinalIgnoreCase))
                found.Add($"{entry.Display}: NuGet feed credentials");
        });
        found.Sort(StringComparer.Ordinal);
        return found.Count == 0
            ? CheckFinding.Pass("No development settings, keys, .env, secrets.json or NuGet credentials in the image.")
            : CheckFinding.Fail($"{found.Count} files that should not ship are in the image.", found, string.Join(", ", found.Take(5)));
    }
}
