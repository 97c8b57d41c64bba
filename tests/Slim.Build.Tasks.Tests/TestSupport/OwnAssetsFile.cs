namespace Slim.Build.Tasks.Tests.TestSupport;

/// <summary>This test project's own obj/project.assets.json: a real restore (SharpZipLib 1.4.2, MSTest, ...) to read.</summary>
internal static class OwnAssetsFile
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "obj", "project.assets.json")) && File.Exists(System.IO.Path.Combine(dir.FullName, "Slim.Build.Tasks.Tests.csproj")))
                return System.IO.Path.Combine(dir.FullName, "obj", "project.assets.json");
        throw new InvalidOperationException("obj/project.assets.json of the test project not found above " + AppContext.BaseDirectory);
    }
}
