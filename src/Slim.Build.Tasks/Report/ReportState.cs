using System.Security.Cryptography;
using System.Text;
using Slim.Build.Tasks.IO;

using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Report;

/// <summary>
/// Whether report.json and report.md can stay as they are: what they were made from is unchanged
/// (the publish folder's files, the ledger, the settings) and they are still the very files Slim
/// wrote. Anything else (a file deleted, emptied, edited, or written by another project into a shared
/// folder) makes the report step measure again: Slim's own outputs are rebuilt, never trusted.
/// </summary>
internal sealed class ReportState(string stateFile)
{
    /// <param name="settings">Every setting the report depends on, as text.</param>
    /// <param name="inputFiles">Other files the report reads (budgets, analysis log); missing ones count as missing.</param>
    /// <param name="ownFilesList">obj/.../slim/own-files.txt when several projects publish into one folder: only those files count.</param>
    public static string InputsKey(string publishDirectory, string ledgerDirectory, IEnumerable<string> settings, IEnumerable<string> inputFiles, string? ownFilesList = null)
    {
        var text = new StringBuilder();
        foreach (var setting in settings)
            text.Append("setting ").Append(setting).Append('\n');
        foreach (var relative in PublishFolder.RelativeFiles(publishDirectory, ownFilesList))
        {
            var info = new FileInfo(Path.Combine(publishDirectory, relative));
            text.Append("published ").Append(relative).Append(' ')
                .Append(info.Length).Append(' ').Append(info.LastWriteTimeUtc.Ticks).Append('\n');
        }
        foreach (var file in Files(ledgerDirectory).Concat(inputFiles.Where(f => !string.IsNullOrEmpty(f))))
            text.Append("input ").Append(file).Append(' ').Append(File.Exists(file) ? Hash(File.ReadAllBytes(file)) : "missing").Append('\n');
        return Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public bool IsCurrent(string inputsKey, IReadOnlyList<string> reportFiles)
    {
        if (!File.Exists(stateFile))
            return false;
        var recorded = File.ReadAllLines(stateFile);
        return recorded.Length == reportFiles.Count + 1 && recorded[0] == inputsKey
            && reportFiles.Select((file, i) => File.Exists(file) && recorded[i + 1] == Hash(File.ReadAllBytes(file))).All(ok => ok);
    }

    public void Record(string inputsKey, IReadOnlyList<string> reportFiles) =>
        AtomicFile.WriteAllText(stateFile, string.Join('\n', [inputsKey, .. reportFiles.Select(f => Hash(File.ReadAllBytes(f)))]) + "\n");

    private static IEnumerable<string> Files(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
