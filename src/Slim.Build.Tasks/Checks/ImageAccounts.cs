using System.Text;

namespace Slim.Build.Tasks.Checks;

/// <summary>The image's /etc/passwd: each account's fields (name, password, uid, gid, gecos, home, shell).</summary>
internal sealed class ImageAccounts(bool exists, IReadOnlyList<string[]> accounts)
{
    public bool Exists { get; } = exists;

    /// <summary>The account a config User names ("app", "1654", "1654:1654"), by name or by uid.</summary>
    public string[]? Find(string user)
    {
        var name = user.Split(':')[0];
        return accounts.FirstOrDefault(f => f[0] == name) ?? accounts.FirstOrDefault(f => f[2] == name);
    }

    public static ImageAccounts Read(ImageFileSystem image)
    {
        var passwd = image.ReadAllBytes("/etc/passwd") is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        return new ImageAccounts(passwd is not null,
            [.. (passwd ?? "").Split('\n').Select(l => l.Split(':')).Where(f => f.Length >= 7)]);
    }
}
