using System.Security.Cryptography;
using System.Text;
using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Report;

/// <summary>One file the publish resolved: a package's file is named by the package, any other by its bytes.</summary>
/// <param name="RelativePath">Its path in the publish folder, e.g. appsettings.json.</param>
/// <param name="Source">Where it is copied from.</param>
/// <param name="Package">"Id/Version" of the NuGet package it comes from (the assets file pins its bytes), or empty.</param>
internal sealed record PlainPublishInput(string RelativePath, string Source, string Package);

/// <summary>
/// Names everything a plain publish of the project is made from, so a plain publish measured once is measured
/// again only when one of them changes: the settings (SDK, Slim, global properties), the project's own files
/// (the compiled assembly, the project, Directory.Build files, the assets file) by their bytes, and every file the
/// publish resolved, by its bytes or, for a package's file, by the package's id and version.
/// </summary>
internal static class PlainPublishKey
{
    public static string Compute(IEnumerable<string> settings, IEnumerable<string> wholeFiles, IEnumerable<PlainPublishInput> published)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\n"));
        foreach (var setting in settings)
            Add("setting " + setting);
        foreach (var file in wholeFiles.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            Add($"file {file} {ContentHash(file)}");
        foreach (var file in published.GroupBy(f => f.RelativePath, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(f => f.RelativePath, StringComparer.Ordinal))
            Add($"published {file.RelativePath} " + (file.Package.Length > 0 ? $"package {file.Package} {Size(file.Source)}" : ContentHash(file.Source)));
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    private static string ContentHash(string path) => File.Exists(path) ? FileSha256.Hex(path) : "missing";

    private static string Size(string path) => File.Exists(path) ? new FileInfo(path).Length.ToString() : "missing";
}
