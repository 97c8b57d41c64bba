using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Elf;

/// <summary>A shipped file that needs a newer glibc than the base has.</summary>
/// <param name="Required">The newest GLIBC_x.y the file asks for.</param>
internal sealed record GlibcMismatch(string File, Version Required, Version Base);

/// <summary>
/// Whether the base's glibc is new enough for every shipped ELF file: a program linked against glibc 2.38
/// dies at start on 2.36 with "version `GLIBC_2.38' not found". A base made from the build machine has
/// the glibc the app was linked against, so this guards the other bases (an OCI layout, a registry image).
/// </summary>
internal static class GlibcCheck
{
    /// <param name="shipped">Each shipped ELF file by its path in the publish folder (e.g. "myapp").</param>
    public static IReadOnlyList<GlibcMismatch> Find(IEnumerable<(string File, ElfFile Elf)> shipped, Version baseGlibc) =>
        [.. shipped
            .Select(s => (s.File, Required: s.Elf.GlibcVersions.Select(GlibcVersion.FromSymbolVersion).OfType<Version>().DefaultIfEmpty().Max()))
            .Where(s => s.Required is not null && s.Required > baseGlibc)
            .Select(s => new GlibcMismatch(s.File, s.Required!, baseGlibc))];

    /// <summary>Reports each mismatch as an error; true when there is none.</summary>
    public static bool Check(IEnumerable<(string File, ElfFile Elf)> shipped, Version baseGlibc, string baseName, IDiagnostics diagnostics)
    {
        var mismatches = Find(shipped, baseGlibc);
        foreach (var m in mismatches)
            diagnostics.Error(SlimDiagnostics.BaseGlibcTooOld, m.File, GlibcVersion.Format(m.Required), baseName, m.Base.ToString());
        return mismatches.Count == 0;
    }

    /// <summary>
    /// <see cref="Check"/> against a base's glibc; a base with none Slim can see (null) gets a warning that names the
    /// first file needing one, not a guess.
    /// </summary>
    public static bool CheckOrWarn(IReadOnlyList<(string File, ElfFile Elf)> shipped, Version? baseGlibc, string baseName, IDiagnostics diagnostics)
    {
        if (baseGlibc is not null)
            return Check(shipped, baseGlibc, baseName, diagnostics);
        var needing = shipped.Select(s => (s.File, Newest: s.Elf.GlibcVersions.Select(GlibcVersion.FromSymbolVersion).OfType<Version>().DefaultIfEmpty().Max()))
            .FirstOrDefault(s => s.Newest is not null);
        if (needing.Newest is { } newest)
            diagnostics.Warning(SlimDiagnostics.BaseGlibcUnknown, needing.File, GlibcVersion.Format(newest), baseName);
        return true;
    }
}
