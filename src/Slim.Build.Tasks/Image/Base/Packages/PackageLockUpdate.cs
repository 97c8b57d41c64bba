namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>What updating a lock gives: the lock with each package at the archive's newest version, and the packages that moved.</summary>
/// <param name="Changes">Each locked package that moved: its entry before and after.</param>
internal sealed record PackageLockUpdate(PackageLock Updated, IReadOnlyList<(LockedPackage From, LockedPackage To)> Changes)
{
    public bool Changed => Changes.Count > 0;

    /// <summary>
    /// One line for the console: "slim.packages.lock.json: libssl3 3.0.15-1~deb12u1 -> 3.0.16-1~deb12u1, tzdata 2025a -> 2025b",
    /// or "slim.packages.lock.json is up to date (9 packages)". A package that moved alike on every architecture is named once.
    /// </summary>
    public string Summary(string lockName)
    {
        var architectures = Updated.Packages.Select(p => p.Architecture).Where(a => a != "all").Distinct().Order(StringComparer.Ordinal).ToList();
        if (!Changed)
            return $"{lockName} is up to date ({Updated.Packages.Count} package{(Updated.Packages.Count == 1 ? "" : "s")}"
                + (architectures.Count > 1 ? $" for {string.Join(", ", architectures)})" : ")");
        var moves = Changes
            .GroupBy(c => (c.From.Name, From: c.From.Version, To: c.To.Version))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g =>
            {
                var entries = Updated.Packages.Count(p => p.Name == g.Key.Name);
                var where = g.Count() < entries ? $" ({string.Join(", ", g.Select(c => c.From.Architecture).Order(StringComparer.Ordinal))})" : "";
                return $"{g.Key.Name} {g.Key.From} -> {g.Key.To}{where}";
            });
        return $"{lockName}: {string.Join(", ", moves)}";
    }
}
