using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Checks;

/// <summary>The user, shell, package manager, permission, entrypoint and working-directory checks, each passing and failing.</summary>
[TestClass]
public sealed class SecurityChecksTests
{
    private static CheckFinding Run(IImageCheck check, List<LayerEntry> entries, Slim.Build.Tasks.Image.ImageConfig? config = null)
    {
        using var temp = new TempFolder();
        return check.Run(CheckImage.Context(CheckImage.Write(temp, entries, config)));
    }

    [TestMethod]
    public void The_healthy_image_passes_every_one()
    {
        foreach (var check in new IImageCheck[] { new NonRootUserCheck(), new ShellCheck(), new PackageManagerCheck(), new FilePermissionsCheck(), new EntrypointCheck(), new WorkingDirectoryCheck() })
        {
            var entries = CheckImage.Healthy();
            entries.Add(LayerEntry.Folder("app"));
            var finding = Run(check, entries);
            Assert.IsNull(finding.Problem, $"{check.Name}: {finding.Summary}");
        }
    }

    [TestMethod]
    [DataRow(null, "(none: root)")]
    [DataRow("0", "0")]
    [DataRow("root", "root")]
    [DataRow("1000", "1000")]
    public void Root_or_a_user_missing_from_passwd_fails(string? user, string named)
    {
        var finding = Run(new NonRootUserCheck(), CheckImage.Healthy(), CheckImage.Config(user: user));
        Assert.IsNotNull(finding.Problem, finding.Summary);
        Assert.AreEqual(named, finding.Problem[0]);
    }

    [TestMethod]
    public void The_shell_and_package_manager_checks_read_as_english()
    {
        var entries = CheckImage.Healthy();
        StringAssert.StartsWith(Run(new ShellCheck(), entries).Summary, "No shell in the image (sh, bash");
        StringAssert.StartsWith(Run(new PackageManagerCheck(), entries).Summary, "No package manager in the image (apt, ");
        entries.Add(LayerEntry.FromFile("bin/sh", "/bin/true", executable: true));
        entries.Add(LayerEntry.FromFile("usr/bin/dpkg", "/bin/true", executable: true));
        Assert.AreEqual("The image carries a shell: /bin/sh.", Run(new ShellCheck(), entries).Summary);
        Assert.AreEqual("The image carries a package manager: /usr/bin/dpkg.", Run(new PackageManagerCheck(), entries).Summary);
    }

    [TestMethod]
    public void A_shell_or_a_package_manager_fails()
    {
        var entries = CheckImage.Healthy();
        entries.Add(LayerEntry.FromFile("bin/sh", "/bin/true", executable: true));
        entries.Add(LayerEntry.Link("usr/bin/bash", "/bin/sh"));
        entries.Add(LayerEntry.FromFile("usr/bin/dpkg", "/bin/true", executable: true));
        var shell = Run(new ShellCheck(), entries);
        Assert.AreEqual("/bin/sh, /usr/bin/bash", shell.Problem?[0]);
        Assert.AreEqual("/usr/bin/dpkg", Run(new PackageManagerCheck(), entries).Problem?[0]);
    }

    [TestMethod]
    public void Setuid_and_world_writable_files_and_a_sticky_home_fail_but_a_sticky_tmp_does_not()
    {
        var entries = CheckImage.Healthy();
        entries.Add(new LayerEntry("usr/bin/su", LayerEntryKind.File, 0x9ED, SourceFile: "/bin/true")); // 04755
        entries.Add(LayerEntry.FromText("app/data.txt", "x", 0x1B6)); // 0666
        entries.Add(LayerEntry.Folder("var/tmp", 0x1FF)); // 0777, not sticky
        entries.Add(LayerEntry.Folder("app", 0x3FF)); // 01777: the home folder /etc/passwd gives the user 1654 needs no such mode
        var finding = Run(new FilePermissionsCheck(), entries);
        CollectionAssert.AreEquivalent(new[] { "/app is world-writable (01777)", "/app/data.txt is world-writable (0666)", "/usr/bin/su is setuid (04755)", "/var/tmp is world-writable (0777)" },
            finding.Evidence.ToArray());
    }

    [TestMethod]
    public void A_missing_or_non_executable_entrypoint_and_a_missing_working_directory_fail()
    {
        var missing = Run(new EntrypointCheck(), CheckImage.Healthy(), CheckImage.Config(entrypoint: "/app/nothere"));
        Assert.AreEqual("is not in the image", missing.Problem?[1]);
        var entries = CheckImage.Healthy();
        entries.Add(LayerEntry.FromFile("app/plain", "/bin/true", executable: false));
        var notExecutable = Run(new EntrypointCheck(), entries, CheckImage.Config(entrypoint: "/app/plain"));
        StringAssert.StartsWith((string)notExecutable.Problem![1], "is not executable");
        Assert.AreEqual("/srv/app", Run(new WorkingDirectoryCheck(), CheckImage.Healthy(), CheckImage.Config(workingDirectory: "/srv/app")).Problem?[0]);
    }

    [TestMethod]
    public void An_executable_entrypoint_that_is_not_an_ELF_program_fails_but_a_script_passes()
    {
        var garbage = new string('x', 151);
        var truncated = File.ReadAllBytes("/bin/true")[..100];
        using var temp = new TempFolder();
        var truncatedFile = Path.Combine(temp.Path, "truncated");
        File.WriteAllBytes(truncatedFile, truncated);
        var entries = CheckImage.Healthy();
        entries.Add(LayerEntry.FromText("app/App", garbage, 0x1ED)); // 0755: the 151-byte non-ELF file a racing link left
        entries.Add(LayerEntry.FromFile("app/Half", truncatedFile, executable: true));
        entries.Add(LayerEntry.FromText("app/start.sh", "#!/app/true\n", 0x1ED));

        var text = Run(new EntrypointCheck(), entries, CheckImage.Config(entrypoint: "/app/App"));
        Assert.AreEqual("/app/App", text.Problem?[0], text.Summary);
        StringAssert.StartsWith((string)text.Problem![1], "is not an ELF program or a #! script (151 bytes starting 7878");
        var half = Run(new EntrypointCheck(), entries, CheckImage.Config(entrypoint: "/app/Half"));
        Assert.AreEqual("is a damaged or truncated ELF file", half.Problem?[1], half.Summary);
        Assert.IsNull(Run(new EntrypointCheck(), entries, CheckImage.Config(entrypoint: "/app/start.sh")).Problem);
        Assert.IsNull(Run(new EntrypointCheck(), entries, CheckImage.Config(entrypoint: "/app/true")).Problem, "an ELF executable must pass");
    }
}
