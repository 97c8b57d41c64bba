using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// No setuid or setgid file (a way to root) and nothing anyone may write, except a sticky /tmp (and /var/tmp),
/// where the sticky bit keeps users from removing each other's files: those are listed as evidence, not as
/// problems. A home folder needs no exception: the auto base gives /home/app to its user (1654:1654, 0755).
/// </summary>
internal sealed class FilePermissionsCheck : IImageCheck
{
    private static readonly string[] StickyFolders = ["tmp", "var/tmp"];

    public string Name => "file-permissions";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckUnsafePermissions;

    public CheckFinding Run(ImageCheckContext context)
    {
        var found = new List<string>();
        var allowed = new List<string>();
        foreach (var e in context.Image.Entries.Where(e => e.Kind != ImageEntryKind.Symlink))
        {
            if ((e.Mode & ImageFileEntry.SetUid) != 0)
                found.Add($"{e.Display} is setuid ({Octal(e.Mode)})");
            if ((e.Mode & ImageFileEntry.SetGid) != 0 && e.Kind != ImageEntryKind.Directory)
                found.Add($"{e.Display} is setgid ({Octal(e.Mode)})");
            if ((e.Mode & ImageFileEntry.OthersWrite) == 0)
                continue;
            var sticky = e.Kind == ImageEntryKind.Directory && (e.Mode & ImageFileEntry.Sticky) != 0;
            if (sticky && StickyFolders.Contains(e.Path))
                allowed.Add($"{e.Display} is world-writable and sticky ({Octal(e.Mode)}): allowed");
            else
                found.Add($"{e.Display} is world-writable ({Octal(e.Mode)})");
        }
        return found.Count == 0
            ? CheckFinding.Pass("No setuid, setgid or world-writable file (a sticky /tmp is fine).", allowed)
            : CheckFinding.Fail($"{found.Count} files have unsafe permissions.", found, string.Join("; ", found.Take(5)) + (found.Count > 5 ? $" and {found.Count - 5} more" : ""));
    }

    private static string Octal(int mode) => "0" + Convert.ToString(mode, 8);
}
