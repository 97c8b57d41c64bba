using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>No debug symbols ship: .dbg and .pdb files, .debug files, and ELF files that still hold .debug_info.</summary>
internal sealed class DebugSymbolsCheck : IImageCheck
{
    private static readonly string[] SymbolExtensions = [".dbg", ".pdb", ".debug"];

    public string Name => "no-debug-symbols";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckDebugSymbolsShipped;

    public CheckFinding Run(ImageCheckContext context)
    {
        var files = context.Image.Entries.Where(e => e.Kind == ImageEntryKind.File
                && SymbolExtensions.Any(x => e.Path.EndsWith(x, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{e.Display} ({e.Size} B)");
        var elf = context.Elf.Files.Where(f => f.Value.SectionNames.Contains(".debug_info"))
            .Select(f => $"/{f.Key} holds .debug_info");
        var found = files.Concat(elf).ToList();
        return found.Count == 0
            ? CheckFinding.Pass($"No symbol file and no ELF file with .debug_info among {context.Elf.Files.Count} ELF files.")
            : CheckFinding.Fail($"{found.Count} debug symbol files or unstripped ELF files ship in the image.", found, string.Join(", ", found.Take(5)));
    }
}
