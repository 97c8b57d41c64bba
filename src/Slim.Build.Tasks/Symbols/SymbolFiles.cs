namespace Slim.Build.Tasks.Symbols;

/// <summary>Which files are debug symbols: they go to the symbols folder, never into the image.</summary>
internal static class SymbolFiles
{
    private static readonly string[] Extensions = [".pdb", ".dbg", ".debug", ".dwarf", ".mdb", ".dSYM"];

    public static bool IsSymbolFile(string relativePath) =>
        Extensions.Any(ext => relativePath.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
        || relativePath.Contains(".dSYM/", StringComparison.OrdinalIgnoreCase);
}
