using Slim.Build.Tasks.IO;

namespace Slim.Build.Tasks.Analysis;

/// <summary>
/// A shell script that stands in for the dotnet host of a tool task: it runs the real host with the arguments the
/// task gave, passes the tool's output and exit code through unchanged, and keeps a copy of its standard output.
/// The ILLink task runs "$(ToolPath)/$(ToolExe) illink.dll @rsp" and only logs what illink prints, and illink has no
/// option that writes its warnings to a file, so this is how the trimmer's warnings reach the checklist.
/// </summary>
internal static class OutputKeepingHost
{
    public static string Script(string host, string outputFile)
    {
        var status = outputFile + ".status";
        return $$"""
            #!/bin/sh
            # Written by Slim: runs the dotnet host exactly as the SDK's task asked and keeps a copy of what the tool
            # prints in {{outputFile}}. The tool's output and exit code pass through unchanged.
            rm -f {{Quote(status)}}
            { {{Quote(host)}} "$@"; echo $? >{{Quote(status)}}; } | tee {{Quote(outputFile)}}
            status=$(cat {{Quote(status)}} 2>/dev/null)
            exit "${status:-1}"

            """;
    }

    /// <summary>Writes the script (only when it changed, so its time stays put) and makes it executable.</summary>
    public static void Write(string scriptPath, string host, string outputFile)
    {
        AtomicFile.WriteAllTextIfChanged(scriptPath, Script(host, outputFile));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(scriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    /// <summary>POSIX single quotes: nothing inside is special but the quote itself.</summary>
    internal static string Quote(string value) => "'" + value.Replace("'", "'\\''") + "'";
}
