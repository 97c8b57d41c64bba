namespace Slim.Targets.Tests;

/// <summary>
/// The project's state lock is taken before PrepareForPublish and given back when the build ends, even in the
/// process that ran it (MSBuild nodes live on): the next build of the project takes it again at once.
/// </summary>
[TestClass]
public sealed class StateLockTargetTests
{
    [TestMethod]
    public void The_lock_is_released_when_the_build_ends_and_a_held_one_fails_with_SLIM3013_after_SlimLockTimeout()
    {
        using var project = new SlimProject("<SlimLockTimeout>1.5</SlimLockTimeout>");
        var lockFile = Path.Combine(project.Folder, "obj", "Debug", "net10.0", "slim", ".lock");

        foreach (var build in new[] { 1, 2 })
        {
            var (passed, output) = project.Run("_SlimLockState");
            Assert.IsTrue(passed, $"build {build}: {output}");
            Assert.IsTrue(File.Exists(lockFile), lockFile);
            using var free = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }

        // Another publish of the project holds it (FileShare.None: flock on Linux, as Slim takes it).
        var started = DateTime.UtcNow;
        using (new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var (passed, output) = project.Run("_SlimLockState");
            Assert.IsFalse(passed, output);
            StringAssert.Contains(output, $"error SLIM3013: Another publish of this project holds '{lockFile}'");
            StringAssert.Contains(output, "SlimLockTimeout (1.5 s)");
            Assert.IsTrue(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.5), "it did not wait SlimLockTimeout");
        }
    }
}
