using System.Text;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Image.Base;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// The GLIBC_x.y symbol versions each ELF file asks for are defined by the image's libc.so.6: a program linked
/// against a newer glibc dies at start with "version `GLIBC_2.38' not found".
/// </summary>
internal sealed class GlibcVersionsCheck : IImageCheck
{
    public string Name => "glibc-versions";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckGlibcTooOld;


    public CheckFinding Run(ImageCheckContext context)
    {
        var users = context.Elf.Files.Where(f => f.Value.Needed.Contains("libc.so.6") && f.Value.GlibcVersions.Count > 0).ToList();
        if (users.Count == 0)
            return CheckFinding.Pass("No ELF file in the image asks for GLIBC symbol versions.");
        var lookup = new ImageLibraryLookup(context.Image, context.Elf);
        var libc = lookup.Find(users[0].Key, users[0].Value, "libc.so.6");
        if (libc is null || context.Image.ReadAllBytes(libc) is not { } bytes)
            return CheckFinding.Pass("The image has no libc.so.6 to compare with (the needed-libraries check reports it).");
        var provided = NewestDefined(bytes);
        if (provided is null)
            return CheckFinding.Pass($"{libc} defines no GLIBC version the check can read.");
        var mismatches = GlibcCheck.Find(users.Select(u => ("/" + u.Key, u.Value)), provided);
        var evidence = users.Select(u => $"/{u.Key} needs {u.Value.GlibcVersions[^1]}").Prepend($"{libc} provides {GlibcVersion.Format(provided)}").ToList();
        if (mismatches.Count == 0)
            return CheckFinding.Pass($"{libc} ({GlibcVersion.Format(provided)}) satisfies the GLIBC versions of {users.Count} ELF files.", evidence);
        var m = mismatches[0];
        return CheckFinding.Fail($"{mismatches.Count} ELF files need a newer glibc than the image's {GlibcVersion.Format(provided)}.", evidence,
            m.File, GlibcVersion.Format(m.Required), GlibcVersion.Format(provided), context.BaseImage);
    }

    /// <summary>libc.so.6 names every version it defines in its .dynstr; the newest is the glibc it is.</summary>
    internal static Version? NewestDefined(ReadOnlySpan<byte> libc)
    {
        Version? newest = null;
        for (var at = libc.IndexOf("GLIBC_"u8); at >= 0; at = libc.IndexOf("GLIBC_"u8))
        {
            var end = at + "GLIBC_".Length;
            while (end < libc.Length && (char.IsAsciiDigit((char)libc[end]) || libc[end] == (byte)'.'))
                end++;
            if (GlibcVersion.FromSymbolVersion(Encoding.ASCII.GetString(libc[at..end]).TrimEnd('.')) is { } version && (newest is null || version > newest))
                newest = version;
            libc = libc[end..];
        }
        return newest;
    }
}
