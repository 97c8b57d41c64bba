using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// No setuid or setgid file (a way to root) and nothing anyone may write, except a sticky /tmp (and /var/tmp),
/// where the sticky bit keeps users from removing each other's files, and a sticky home folder of the user the
/// image runs as: the auto base owns every entry by root, so it gives /home/app 01777 for what .NET writes under
/// HOME (Image/Base/BaseAccounts). Those are listed as evidence, not as problems.
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
        var home = ImageAccounts.Read(context.Image).Find(context.Image.Run.User)?[5].Trim('/');
        foreach (var e in context.Image.Entries.Where(e => e.Kind != ImageEntryKind.Symlink))
        {
            if ((e.Mode & ImageFileEntry.SetUid) != 0)
                found.Add($"{e.Display} is setuid ({Octal(e.Mode)})");
            if ((e.Mode & ImageFileEntry.SetGid) != 0 && e.Kind != ImageEntryKind.Directory)
                found.Add($"{e.Display} is setgid ({Octal(e.Mode)})");
            if ((e.Mode & ImageFileEntry.OthersWrite) == 0)
                continue;
            var sticky = e.Kind == ImageEntryKind.Directory && (e.Mode & ImageFileEntry.Sticky) != 0;
            if (sticky && (StickyFolders.Contains(e.Path) || (home is { Length: > 0 } && e.Path == home)))
                allowed.Add($"{e.Display} is world-writable and sticky ({Octal(e.Mode)}): allowed");
            else
                found.Add($"{e.Display} is world-writable ({Octal(e.Mode)})");
        }
        return found.Count == 0
            ? CheckFinding.Pass("No setuid, setgid or world-writable file (a sticky /tmp or home folder of the user is fine).", allowed)
            : CheckFinding.Fail($"{found.Count} files have unsafe permissions.", found, string.Join("; ", found.Take(5)) + (found.Count > 5 ? $" and {found.Count - 5} more" : ""));
    }

    private static string Octal(int mode) => "0" + Convert.ToString(mode, 8);
}
