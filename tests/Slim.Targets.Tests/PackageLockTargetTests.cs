using System.Text.RegularExpressions;

namespace Slim.Targets.Tests;

/// <summary>SlimUpdatePackageLock runs on its own (dotnet msbuild -t:SlimUpdatePackageLock) and hands the project's settings to its task.</summary>
[TestClass]
public sealed class PackageLockTargetTests
{
    // The package cache the unit tier fills from the machine's Debian archive, so the index is downloaded once.
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "slim-unit-package-cache");

    [TestMethod]
    public void The_target_moves_an_old_pin_to_the_archives_newest_even_in_locked_mode()
    {
        using var project = new SlimProject($"<SlimCacheDirectory>{Cache}</SlimCacheDirectory><SlimLockedMode>true</SlimLockedMode>"
            + "<SlimPackageLockFile>$(MSBuildProjectDirectory)/locks/base.lock.json</SlimPackageLockFile>");
        var lockFile = Path.Combine(project.Folder, "locks", "base.lock.json");
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        // bookworm's first base-files, older than any the archive offers now.
        File.WriteAllText(lockFile, $$"""
            { "lockVersion": 1, "distribution": "debian", "release": "bookworm", "releaseVersion": "12",
              "suites": [ "bookworm", "bookworm-updates", "bookworm-security" ],
              "packages": [ { "name": "base-files", "version": "12.4", "architecture": "amd64", "source": "base-files", "suite": "bookworm",
                              "path": "pool/main/b/base-files/base-files_12.4_amd64.deb", "size": 1, "sha256": "{{new string('0', 64)}}", "neededFor": [ "os-release" ] } ] }
            """);

        var (passed, output) = project.Run("SlimUpdatePackageLock");

        Assert.IsTrue(passed, output);
        var line = Regex.Match(output, @"Slim: base\.lock\.json: base-files 12\.4 -> (12\.4\+deb12u\d+)");
        Assert.IsTrue(line.Success, output);
        StringAssert.Contains(File.ReadAllText(lockFile), $"\"version\": \"{line.Groups[1].Value}\"");
    }

    [TestMethod]
    public void Without_a_lock_the_target_says_there_is_nothing_to_update()
    {
        using var project = new SlimProject($"<SlimCacheDirectory>{Cache}</SlimCacheDirectory>");

        var (passed, output) = project.Run("SlimUpdatePackageLock");

        Assert.IsTrue(passed, output);
        StringAssert.Contains(output, $"there is no {Path.Combine(project.Folder, "slim.packages.lock.json")} to update");
        Assert.IsFalse(File.Exists(Path.Combine(project.Folder, "slim.packages.lock.json")));
    }
}
