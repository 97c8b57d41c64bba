using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>Every program's PT_INTERP (the dynamic loader, /lib64/ld-linux-x86-64.so.2) exists in the image.</summary>
internal sealed class InterpreterCheck : IImageCheck
{
    public string Name => "interpreter";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckInterpreterMissing;

    public CheckFinding Run(ImageCheckContext context)
    {
        var programs = context.Elf.Files.Where(f => f.Value.Interpreter is not null).ToList();
        var missing = programs.Where(p => context.Image.Resolve(p.Value.Interpreter!) is not { Kind: ImageEntryKind.File })
            .Select(p => $"{p.Value.Interpreter} (interpreter of /{p.Key}{Packed(context, p.Key)})").ToList();
        if (missing.Count == 0)
            return CheckFinding.Pass(programs.Count == 0 ? "No dynamically linked program in the image."
                : $"The interpreter of each of {programs.Count} programs is in the image.",
                programs.Select(p => $"/{p.Key}: {p.Value.Interpreter}{Packed(context, p.Key)}"));
        var first = programs.First(p => context.Image.Resolve(p.Value.Interpreter!) is not { Kind: ImageEntryKind.File });
        return CheckFinding.Fail($"{missing.Count} programs name an interpreter the image does not hold.", missing,
            first.Value.Interpreter!, "/" + first.Key, context.BaseImage);
    }

    private static string Packed(ImageCheckContext context, string path) =>
        context.Elf.ReadFromOriginal.Contains(path) ? ", read from the file UPX packed" : "";
}
