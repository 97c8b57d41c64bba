using System.Diagnostics;

namespace Slim.Build.Tasks.Files;

/// <summary>
/// A write-only gzip stream whose compressing is done by Slim.Gzip, a small program shipped beside the task
/// assembly that runs <see cref="ParallelGzipStream"/> in a process of its own with tiering off: inside
/// MSBuild's process the JIT is busy with MSBuild's own code for the whole build, so the deflate loops stay
/// unoptimized and a large layer takes two to three times as long. The bytes are the same either way.
/// What is written goes to the program's standard input; its standard output goes to the stream beneath.
/// </summary>
internal sealed class GzipProcessStream : WriteOnlyStream
{
    public const string ProgramFile = "Slim.Gzip.dll";

    /// <summary>
    /// Below this, starting a process costs more than the deflate in MSBuild's. Since the task assembly's and
    /// SharpZipLib's ReadyToRun code runs (crossgen2 10.0), compressing in process was no slower up to 30 MB
    /// (design.md): only a layer larger than any seen in the benchmarks still goes out.
    /// </summary>
    public const long OutOfProcessBytes = 64 << 20;

    private readonly Process _process;
    private readonly Stream _input;
    private readonly Task _copyOut;
    private readonly Task<string> _errors;
    private bool _finished;

    private GzipProcessStream(Process process, Stream inner)
    {
        _process = process;
        _input = process.StandardInput.BaseStream;
        _copyOut = process.StandardOutput.BaseStream.CopyToAsync(inner, 1 << 16);
        _errors = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Slim.Gzip beside the task assembly, or null where it is not (then compress in this process).</summary>
    public static string? FindProgram() =>
        Path.GetDirectoryName(typeof(GzipProcessStream).Assembly.Location) is { Length: > 0 } folder
        && Path.Combine(folder, ProgramFile) is var program && File.Exists(program) && File.Exists(Path.ChangeExtension(program, ".runtimeconfig.json"))
            ? program
            : null;

    /// <summary>
    /// The gzip stream for <paramref name="bytes"/> of input: Slim.Gzip for <see cref="OutOfProcessBytes"/> or more when
    /// <paramref name="program"/> is there and starts, else <see cref="ParallelGzipStream"/> in this process.
    /// </summary>
    /// <param name="outOfProcessBytes">From how many bytes the program compresses (tests take it lower).</param>
    public static Stream Compressor(long bytes, string? program, Stream destination, int level, long outOfProcessBytes = OutOfProcessBytes) =>
        program is not null && bytes >= outOfProcessBytes && TryStart(program, destination, level) is { } process
            ? process
            : new ParallelGzipStream(destination, level);

    /// <summary>Null when the program cannot be started: the caller compresses in its own process.</summary>
    public static GzipProcessStream? TryStart(string program, Stream inner, int level)
    {
        // MSBuild names the dotnet that runs it; outside MSBuild (tests), the one on PATH.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        start.ArgumentList.Add(level.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            return Process.Start(start) is { } process ? new GzipProcessStream(process, inner) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            _input.Write(buffer);
        }
        catch (IOException e)
        {
            throw Failed(e.Message);
        }
        BytesWritten += buffer.Length;
    }


    protected override void Dispose(bool disposing)
    {
        if (disposing && !_finished)
        {
            _finished = true;
            try
            {
                _input.Dispose();
                _copyOut.GetAwaiter().GetResult();
                _process.WaitForExit();
                if (_process.ExitCode != 0)
                    throw Failed($"exit code {_process.ExitCode}");
            }
            finally
            {
                if (!_process.HasExited)
                    _process.Kill();
                _process.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private IOException Failed(string why)
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit();
        return new IOException($"{ProgramFile} failed ({why}): {_errors.GetAwaiter().GetResult().Trim()}");
    }
}
