namespace Slim.Tests.Shared;

/// <summary>The checkout the tests run from: the folder above the test assembly that holds Slim.Build.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Slim.Build.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Slim.Build.sln not found above " + AppContext.BaseDirectory);
    }
}
