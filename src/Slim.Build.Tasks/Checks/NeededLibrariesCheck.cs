using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>Every DT_NEEDED library of every ELF file in the image resolves inside the image.</summary>
internal sealed class NeededLibrariesCheck : IImageCheck
{
    public string Name => "needed-libraries";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckNeededLibraryMissing;

    public CheckFinding Run(ImageCheckContext context)
    {
        var lookup = new ImageLibraryLookup(context.Image, context.Elf);
        var missing = new List<string>();
        var resolved = 0;
        foreach (var (path, elf) in context.Elf.Files)
            foreach (var soName in elf.Needed)
            {
                if (lookup.Find(path, elf, soName) is null)
                    missing.Add($"{soName} (needed by /{path})");
                else
                    resolved++;
            }
        if (missing.Count == 0)
            return CheckFinding.Pass($"{resolved} DT_NEEDED entries of {context.Elf.Files.Count} ELF files resolve inside the image.");
        var libraries = missing.Select(m => m.Split(' ')[0]).Distinct().ToList();
        return CheckFinding.Fail($"{missing.Count} DT_NEEDED entries resolve nowhere in the image: {string.Join(", ", libraries)}.",
            missing, string.Join(", ", libraries), missing[0], context.BaseImage);
    }
}
