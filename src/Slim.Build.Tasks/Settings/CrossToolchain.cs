namespace Slim.Build.Tasks.Settings;

/// <summary>
/// The host tools a NativeAOT publish for another architecture runs when Slim provides its sysroot: clang drives the
/// link for the target triple, lld links a foreign ELF (the host's GNU ld links only its own), llvm-objcopy splits the
/// symbols of one. Each with the Debian package that installs it.
/// </summary>
internal static class CrossToolchain
{
    public static readonly IReadOnlyList<(string Tool, string Package)> Tools = [("clang", "clang"), ("ld.lld", "lld"), ("llvm-objcopy", "llvm")];

    /// <summary>The tools <paramref name="findTool"/> does not find, with their packages.</summary>
    public static IReadOnlyList<(string Tool, string Package)> Missing(Func<string, string?> findTool) =>
        [.. Tools.Where(t => findTool(t.Tool) is null)];

    /// <summary>SLIM2005's arguments after the RID and the host's: the missing tools, and the packages to install.</summary>
    public static (string Tools, string Packages) Describe(IReadOnlyList<(string Tool, string Package)> missing) =>
        (string.Join(", ", missing.Select(m => m.Tool)), string.Join(' ', missing.Select(m => m.Package)));
}
