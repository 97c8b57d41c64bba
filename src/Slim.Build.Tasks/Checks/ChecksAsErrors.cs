using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// SlimChecksAsErrors, read the way MSBuild reads WarningsAsErrors: "true" raises every check, a ';' or ','
/// separated list of codes raises those (SLIM7003;SLIM7010), empty or "false" raises none.
/// </summary>
internal sealed class ChecksAsErrors
{
    private readonly bool _all;
    private readonly HashSet<string> _codes;

    private ChecksAsErrors(bool all, HashSet<string> codes) => (_all, _codes) = (all, codes);

    public bool Raises(string code) => _all || _codes.Contains(code);

    /// <summary>SlimChecksAsErrors=true: every check.</summary>
    public bool All => _all;

    /// <summary>The codes named, in a stable order.</summary>
    public IEnumerable<string> Codes => _codes.Order(StringComparer.Ordinal);

    /// <summary>What SlimValidateSettings checked and kept (settings.json).</summary>
    public static ChecksAsErrors Of(bool all, IEnumerable<string> codes) => new(all, new HashSet<string>(codes, StringComparer.OrdinalIgnoreCase));

    /// <param name="known">The checks' codes: a code outside them is an error, since a gate that raises nothing must not pass for one.</param>
    public static ChecksAsErrors Parse(string? value, IReadOnlyCollection<string> known, IDiagnostics diagnostics)
    {
        var text = (value ?? "").Trim();
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
            return new ChecksAsErrors(true, []);
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (text.Length == 0 || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            return new ChecksAsErrors(false, codes);
        foreach (var code in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!known.Contains(code, StringComparer.OrdinalIgnoreCase))
                diagnostics.Error(SlimDiagnostics.ChecksAsErrorsUnknownCode, code, string.Join(", ", known));
            codes.Add(code);
        }
        return new ChecksAsErrors(false, codes);
    }
}
