using System.Security.Cryptography;
using System.Text;
using Slim.Build.Tasks.Image.Base.Packages;
using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Native;

/// <summary>
/// A sysroot folder in the per-user cache, named by the SHA-256 of the pinned .debs it is made from, so the same lock
/// gives the same folder and a second publish (or project) reuses it. It is made in a temporary folder and renamed into
/// place, so a folder under its name is whole. An absolute symbolic link (libgcc_s.so -> /lib/.../libgcc_s.so.1) is
/// made relative to the sysroot: the linker follows it on this machine, where the absolute path is the host's own.
/// </summary>
internal static class SysrootFolder
{
    /// <summary>Raised when the folder's layout changes, so an older cache is not reused.</summary>
    private const string FormatVersion = "1";

    public static string PathFor(string root, IEnumerable<LockedPackage> packages) => Path.Combine(root, Key(packages));

    public static string Assemble(string root, IReadOnlyList<LockedPackage> packages, IReadOnlyList<DebContents> contents)
    {
        var folder = PathFor(root, packages);
        if (Directory.Exists(folder))
            return folder;
        var temp = $"{folder}.{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.slim-tmp";
        if (Directory.Exists(temp))
            Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        try
        {
            foreach (var package in contents)
                foreach (var entry in package.Entries)
                    Place(temp, package, entry);
            try
            {
                Directory.Move(temp, folder);
            }
            catch (IOException) when (Directory.Exists(folder))
            {
                // Another build made it at the same time from the same packages.
            }
        }
        finally
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
        }
        return folder;
    }

    private static void Place(string root, DebContents package, DebEntry entry)
    {
        var target = Path.Combine(root, entry.Path);
        switch (entry.Kind)
        {
            case LayerEntryKind.Directory:
                Directory.CreateDirectory(target);
                break;
            case LayerEntryKind.File:
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(package.FileOf(entry), target, overwrite: true);
                if (!OperatingSystem.IsWindows())
                    File.SetUnixFileMode(target, (UnixFileMode)(entry.Mode & 0x1FF) | UnixFileMode.UserRead | UnixFileMode.UserWrite);
                break;
            case LayerEntryKind.Symlink when entry.LinkTarget is { } link:
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (File.Exists(target) || Directory.Exists(target) || new FileInfo(target).LinkTarget is not null)
                    File.Delete(target);
                File.CreateSymbolicLink(target, RelativeLink(entry.Path, link));
                break;
        }
    }

    /// <summary>"/lib/aarch64-linux-gnu/libgcc_s.so.1" from usr/lib/gcc/aarch64-linux-gnu/12/libgcc_s.so → "../../../../../lib/aarch64-linux-gnu/libgcc_s.so.1"; a relative target as it is.</summary>
    public static string RelativeLink(string linkPath, string target)
    {
        if (!target.StartsWith('/'))
            return target;
        var depth = linkPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        return string.Concat(Enumerable.Repeat("../", depth)) + target.TrimStart('/');
    }

    private static string Key(IEnumerable<LockedPackage> packages)
    {
        var text = new StringBuilder("slim-sysroot " + FormatVersion + "\n");
        foreach (var package in packages.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Architecture, StringComparer.Ordinal))
            text.Append(package.Name).Append(' ').Append(package.Architecture).Append(' ').Append(package.Sha256).Append('\n');
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }
}
