using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// dotnet publish two.sln -o out -m: both projects copy into out/, yet each project's report and image hold only the
/// files its own publish wrote there, on the first publish and the second, whichever project built first.
/// </summary>
[TestClass]
public sealed class SharedOutputTests
{
    [TestMethod]
    public void Each_project_of_a_solution_published_into_one_folder_reports_and_images_only_its_own_files()
    {
        var apps = new[] { "MixOne", "MixTwo" }.Select(name =>
            TestApp.Console(name, SlimForm.PackageReference, "<SlimProfile>framework</SlimProfile>", folder: $"MixedOutput/{name}")).ToArray();
        var solution = Path.GetDirectoryName(apps[0].Directory)!;
        File.Copy(Path.Combine(apps[0].Directory, "nuget.config"), Path.Combine(solution, "nuget.config"));
        var environment = SlimFeed.Environment();
        Assert.AreEqual(0, ProcessRunner.Run("dotnet", ["new", "sln", "-n", "MixedOutput"], solution, environment).ExitCode);
        var sln = Directory.GetFiles(solution, "MixedOutput.sln*").Single();
        var added = ProcessRunner.Run("dotnet", ["sln", sln, "add", apps[0].ProjectFile, apps[1].ProjectFile], solution, environment);
        Assert.AreEqual(0, added.ExitCode, added.Output);

        for (var run = 1; run <= 2; run++)
        {
            var result = ProcessRunner.Run("dotnet", ["publish", sln, "-c", "Release", "-m", "-o", "out", $"-bl:publish-{run}.binlog"], solution, environment);
            Assert.AreEqual(0, result.ExitCode, $"run {run}:\n{result.Output}");
            CollectionAssert.IsSubsetOf(new[] { "MixOne.dll", "MixTwo.dll" }, Files.Relative(Path.Combine(solution, "out")), "the shared folder holds both apps");

            foreach (var (app, other) in new[] { (apps[0], apps[1]), (apps[1], apps[0]) })
            {
                var slim = Path.Combine(solution, "slim", app.Name);
                var reported = Files.Json(Path.Combine(slim, "report.json")).GetProperty("files").EnumerateArray()
                    .Select(f => f.GetProperty("path").GetString()!).ToList();
                CollectionAssert.Contains(reported, app.Name + ".dll", $"run {run}: {app.Name}'s report misses its own dll");
                CollectionAssert.Contains(reported, app.Name + ".runtimeconfig.json", $"run {run}");
                var foreign = reported.Where(p => p.StartsWith(other.Name, StringComparison.Ordinal)).ToList();
                Assert.AreEqual(0, foreign.Count, $"run {run}: {app.Name}'s report holds {other.Name}'s files: {string.Join(", ", foreign)}");

                var inImage = AppFilesInImage(Path.Combine(slim, "image.tar"), Path.Combine(solution, $"unpacked-{app.Name}-{run}"));
                CollectionAssert.Contains(inImage, $"app/{app.Name}.dll", $"run {run}: {app.Name}'s image misses its own dll: {string.Join(", ", inImage)}");
                var foreignInImage = inImage.Where(p => p.StartsWith("app/" + other.Name, StringComparison.Ordinal)).ToList();
                Assert.AreEqual(0, foreignInImage.Count, $"run {run}: {app.Name}'s image holds {other.Name}'s files: {string.Join(", ", foreignInImage)}");
                CollectionAssert.AreEquivalent(reported.Select(p => "app/" + p).ToList(), inImage.Where(p => !p.EndsWith(".cdx.json", StringComparison.Ordinal)).ToList(),
                    $"run {run}: {app.Name}'s image and report disagree");
            }
        }
    }

    /// <summary>The files under /app in every layer of an OCI archive.</summary>
    private static List<string> AppFilesInImage(string archive, string unpacked)
    {
        Directory.CreateDirectory(unpacked);
        Assert.AreEqual(0, ProcessRunner.Run("tar", ["-xf", archive, "-C", unpacked], unpacked).ExitCode, archive);
        var files = new List<string>();
        foreach (var blob in Directory.EnumerateFiles(Path.Combine(unpacked, "blobs", "sha256")))
        {
            var list = ProcessRunner.Run("tar", ["-tzf", blob], unpacked);
            if (list.ExitCode == 0)
                files.AddRange(list.Output.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("app/", StringComparison.Ordinal) && !l.EndsWith('/')));
        }
        return files;
    }
}
