using System.Security.Cryptography;
using System.Text;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// obj/.../slim/checks.state: what the checklist last ran on (a key of the image archive, image.json and every file
/// and setting the checks read), the hash of the checks.json it wrote, and every message it logged. A publish whose
/// key and checks.json are unchanged logs those messages again instead of reading the image archive back: the same
/// image fails the same checks, and an unchanged publish keeps failing.
/// </summary>
internal sealed class ChecksState(string stateFile)
{
    internal sealed record Recorded(string Key, string ChecksHash, IReadOnlyList<LoggedDiagnostic> Logged);

    /// <param name="archive">slim/image.tar: named by its size and time, and by image.json's digest among <paramref name="inputFiles"/>.</param>
    /// <param name="inputFiles">image.json, needs.json, the analysis warnings, settings.json, upx-originals.json; missing ones count as missing.</param>
    public static string InputsKey(string archive, IEnumerable<string> settings, IEnumerable<string> inputFiles)
    {
        var text = new StringBuilder();
        foreach (var setting in settings)
            text.Append("setting ").Append(setting).Append('\n');
        var info = new FileInfo(archive);
        text.Append("archive ").Append(archive).Append(' ').Append(info.Exists ? $"{info.Length} {info.LastWriteTimeUtc.Ticks}" : "missing").Append('\n');
        foreach (var file in inputFiles)
            text.Append("input ").Append(file).Append(' ').Append(File.Exists(file) ? Hash(File.ReadAllBytes(file)) : "missing").Append('\n');
        return Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <returns>The messages to log again when <paramref name="key"/> is the recorded one and checks.json is still the file written then; else null.</returns>
    public IReadOnlyList<LoggedDiagnostic>? Unchanged(string key, string checksFile) =>
        StateFile.TryLoad(stateFile, ChecksStateJson.Default.Recorded) is { } recorded && recorded.Key == key && File.Exists(checksFile)
            && recorded.ChecksHash == Hash(File.ReadAllBytes(checksFile))
            ? recorded.Logged ?? []
            : null;

    public void Record(string key, string checksFile, IReadOnlyList<LoggedDiagnostic> logged) =>
        StateFile.Save(stateFile, new Recorded(key, Hash(File.ReadAllBytes(checksFile)), logged), ChecksStateJson.Default.Recorded);

    public void Forget()
    {
        if (File.Exists(stateFile))
            File.Delete(stateFile);
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
