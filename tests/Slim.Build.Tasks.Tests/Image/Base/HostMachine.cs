using System.Diagnostics;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Tests.Image.Base;

/// <summary>Facts of this Debian 12 x64 machine from its own tools, to hold Slim's readings against.</summary>
internal static class HostMachine
{
    public static string DpkgVersion(string package) => Run("dpkg-query", "-W", "-f", "${Version}", package);

    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, $"{tool} {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
        return output.Trim();
    }

    /// <summary>needs.json for a program of this machine: its DT_NEEDED closure and the needs given.</summary>
    public static RuntimeNeeds Needs(string program, params NeedKind[] needed)
    {
        var libraries = NativeNeeds.Of([new ShippedFile(Path.GetFileName(program), program)], Slim.Build.Tasks.Elf.SystemLibraryFolders.OfThisMachine());
        var globalization = new GlobalizationDecision(!needed.Contains(NeedKind.Icu), "test", "test", []);
        var needs = Enum.GetValues<NeedKind>().Select(k => new RuntimeNeed(k, needed.Contains(k), "test", needed.Contains(k) ? [new NeedEvidence("test", k.ToString())] : [])).ToList();
        return new RuntimeNeeds(globalization, needs, libraries, []);
    }
}
