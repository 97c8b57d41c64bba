using System.Diagnostics;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Analysis;

/// <summary>
/// The script handed to the ILLink task as its dotnet host: run for real with sh, with a stand-in host that prints,
/// writes to stderr and exits with a chosen code.
/// </summary>
[TestClass]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class OutputKeepingHostTests
{
    [TestMethod]
    public void It_passes_arguments_output_and_exit_code_through_and_keeps_a_copy_of_stdout()
    {
        using var temp = new TempFolder();
        var host = FakeHost(temp, exitCode: 3);
        var script = System.IO.Path.Combine(temp.Path, "state dir", "illink-host.sh");
        var kept = System.IO.Path.Combine(temp.Path, "it's obj", "app.illink-output.txt");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(kept)!);

        OutputKeepingHost.Write(script, host, kept);
        var (exit, stdout, stderr) = Run(script, "/packs/illink.dll", "@/tmp/a b.rsp");

        Assert.AreEqual(3, exit, "the tool's exit code decides whether the SDK's task fails");
        Assert.AreEqual("arg </packs/illink.dll>\narg <@/tmp/a b.rsp>\nwarning IL2104: Assembly 'X' produced trim warnings.\n", stdout);
        Assert.AreEqual("an error line\n", stderr, "stderr is the tool's own, not mixed into stdout");
        Assert.AreEqual(stdout, File.ReadAllText(kept));
    }

    [TestMethod]
    public void A_successful_run_exits_0_and_a_second_run_replaces_the_kept_output()
    {
        using var temp = new TempFolder();
        var script = System.IO.Path.Combine(temp.Path, "host.sh");
        var kept = System.IO.Path.Combine(temp.Path, "out.txt");
        OutputKeepingHost.Write(script, FakeHost(temp, exitCode: 0), kept);

        Assert.AreEqual(0, Run(script, "first").Exit);
        Assert.AreEqual(0, Run(script, "second").Exit);
        StringAssert.StartsWith(File.ReadAllText(kept), "arg <second>");
    }

    [TestMethod]
    public void The_script_is_executable_and_rewriting_the_same_script_keeps_its_time()
    {
        using var temp = new TempFolder();
        var script = System.IO.Path.Combine(temp.Path, "host.sh");
        OutputKeepingHost.Write(script, "/usr/bin/dotnet", "/obj/out.txt");
        var written = File.GetLastWriteTimeUtc(script);
        Thread.Sleep(20);
        OutputKeepingHost.Write(script, "/usr/bin/dotnet", "/obj/out.txt");

        Assert.AreEqual(written, File.GetLastWriteTimeUtc(script));
        Assert.AreNotEqual(UnixFileMode.None, File.GetUnixFileMode(script) & UnixFileMode.UserExecute);
    }

    [TestMethod]
    public void Quoting_keeps_quotes_and_dollars_literal()
    {
        Assert.AreEqual("'it'\\''s $HOME'", OutputKeepingHost.Quote("it's $HOME"));
    }

    private static string FakeHost(TempFolder temp, int exitCode)
    {
        var path = temp.File("fake dotnet", System.Text.Encoding.UTF8.GetBytes($$"""
            #!/bin/sh
            for a in "$@"; do echo "arg <$a>"; done
            echo "warning IL2104: Assembly 'X' produced trim warnings."
            echo "an error line" >&2
            exit {{exitCode}}

            """));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static (int Exit, string Stdout, string Stderr) Run(string script, params string[] args)
    {
        var start = new ProcessStartInfo(script) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
