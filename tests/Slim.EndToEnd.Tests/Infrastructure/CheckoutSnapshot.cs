namespace Slim.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every file of the checkout with its size and write time, build output included (a test that rebuilt src/ would
/// change bin/ and obj/ there), but not the test projects' own bin/ and obj/, which `dotnet test` writes before
/// any test runs, nor .git and TestResults.
/// </summary>
internal sealed class CheckoutSnapshot
{
    private readonly Dictionary<string, (long Length, DateTime Written)> _files;

    private CheckoutSnapshot(Dictionary<string, (long, DateTime)> files) => _files = files;

    public static CheckoutSnapshot Take() =>
        new(Walk(Repository.Root).ToDictionary(f => Path.GetRelativePath(Repository.Root, f.FullName), f => (f.Length, f.LastWriteTimeUtc)));

    /// <summary>The files added, removed or rewritten since this snapshot, e.g. "changed src/Slim.Sdk/obj/project.assets.json".</summary>
    public IReadOnlyList<string> ChangesSince()
    {
        var now = Take()._files;
        return now.Where(f => !_files.ContainsKey(f.Key)).Select(f => "added " + f.Key)
            .Concat(_files.Where(f => !now.ContainsKey(f.Key)).Select(f => "removed " + f.Key))
            .Concat(now.Where(f => _files.TryGetValue(f.Key, out var before) && before != f.Value).Select(f => "changed " + f.Key))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<FileInfo> Walk(string folder)
    {
        var directory = new DirectoryInfo(folder);
        foreach (var file in directory.EnumerateFiles())
            yield return file;
        foreach (var child in directory.EnumerateDirectories())
        {
            if (child.Name is ".git" or "TestResults" || IsTestBuildOutput(child))
                continue;
            foreach (var file in Walk(child.FullName))
                yield return file;
        }
    }

    private static bool IsTestBuildOutput(DirectoryInfo folder) =>
        folder.Name is "bin" or "obj" && folder.Parent?.Parent is { Name: "tests" } tests
        && Path.GetFullPath(tests.FullName) == Path.GetFullPath(Path.Combine(Repository.Root, "tests"));
}
