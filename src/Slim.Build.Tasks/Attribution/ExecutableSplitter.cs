namespace Slim.Build.Tasks.Attribution;

/// <summary>
/// Splits a NativeAOT executable by assembly with ILC's size map. The map measures code and data before the
/// linker; what no assembly accounts for (the native runtime, the compiler's data, headers) goes to the
/// NativeAOT runtime pack. Were the map to add up to more than the file (it does not on the apps measured),
/// the shares are scaled down so the split still adds up to the file.
/// </summary>
internal static class ExecutableSplitter
{
    public static ExecutableSplit Split(string path, long fileBytes, string mstatFile, MstatSizes sizes, string appAssembly, PackageIndex index)
    {
        var measured = sizes.AssemblyBytes;
        var scale = measured > fileBytes && measured > 0 ? (double)fileBytes / measured : 1.0;
        var assemblies = sizes.Assemblies
            .Select(a => (Name: a.Key, Bytes: (long)Math.Floor(a.Value * scale)))
            .Where(a => a.Bytes > 0)
            .Select(a => Attribute(a.Name, a.Bytes, appAssembly, index))
            .OrderByDescending(a => a.Bytes).ThenBy(a => a.Assembly, StringComparer.Ordinal)
            .ToList();
        var native = index.NativeRuntime();
        return new ExecutableSplit(path, fileBytes, mstatFile, assemblies, fileBytes - assemblies.Sum(a => a.Bytes), native.Name);
    }

    private static AssemblyBytes Attribute(string assembly, long bytes, string appAssembly, PackageIndex index)
    {
        if (assembly.Equals(appAssembly, StringComparison.OrdinalIgnoreCase))
            return new AssemblyBytes(assembly, OriginKey.App, OriginKey.App, null, bytes);
        var origin = index.OfAssembly(assembly) ?? (IsFramework(assembly) ? index.NativeRuntime() : OriginKey.Of(OriginKey.App));
        return new AssemblyBytes(assembly, origin.Kind, origin.Name, origin.Version, bytes);
    }

    /// <summary>An assembly no pack folder lists but that only the runtime ships (the packs were not found on disk).</summary>
    private static bool IsFramework(string assembly) =>
        assembly is "mscorlib" or "netstandard" or "(compiler)" || assembly.StartsWith("System.", StringComparison.Ordinal)
        || assembly.StartsWith("Microsoft.", StringComparison.Ordinal);
}
