using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>
/// /etc/passwd and /etc/group of the base: root and the non-root user the official .NET images run apps
/// as, app with uid and gid 1654. Neither can log in: the base has no shell. app owns its home, /home/app
/// (1654:1654, 0755, as in the official images), so what .NET writes under HOME (ASP.NET Core's
/// data-protection keys in ~/.aspnet) works; every other entry is root's.
/// </summary>
internal static class BaseAccounts
{
    public const int AppId = 1654;
    public const string AppUser = "app";
    public const string AppHome = "home/app";
    public const string NoLogin = "/sbin/nologin";

    /// <summary>rwxrwxrwt: writable by any user, and no one removes another's files.</summary>
    public const int SharedWritable = 0x3FF; // 01777

    public static string Passwd =>
        $"root:x:0:0:root:/root:{NoLogin}\n" +
        $"{AppUser}:x:{AppId}:{AppId}:{AppUser}:/{AppHome}:{NoLogin}\n";

    public static string Group =>
        "root:x:0:\n" +
        $"{AppUser}:x:{AppId}:\n";

    public static IEnumerable<LayerEntry> Entries() =>
    [
        LayerEntry.FromText("etc/passwd", Passwd),
        LayerEntry.FromText("etc/group", Group),
        LayerEntry.Folder("root", 0x1C0), // 0700, as Debian has it
        LayerEntry.Folder("home", LayerEntry.Executable),
        LayerEntry.OwnedFolder(AppHome, LayerEntry.Executable, AppId, AppId),
        LayerEntry.Folder("tmp", SharedWritable),
    ];
}
