using System.Diagnostics;
using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.IO;

/// <summary>
/// One publish of a project at a time: an exclusive lock on obj/.../slim/.lock (FileShare.None, which .NET takes
/// with flock on Linux and macOS), held until disposed. The system drops it when the process dies, so a publish
/// killed with -9 never leaves the project locked. A second publish waits, then fails naming the holder.
/// </summary>
internal sealed class StateLock : IDisposable
{
    public const double DefaultTimeoutSeconds = 120;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _lock;
    private readonly string _holderFile;

    private StateLock(FileStream held, string holderFile)
    {
        _lock = held;
        _holderFile = holderFile;
    }

    /// <summary>Who holds a lock: a file beside it, since the lock file itself cannot be read by anyone else.</summary>
    public static string HolderFileFor(string lockFile) => lockFile + ".holder";

    /// <param name="holder">Written for the publish that waits: "process 4242, dotnet publish".</param>
    /// <exception cref="SlimException">SLIM3012 when another holder keeps the lock past <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException">The build was cancelled while waiting.</exception>
    public static StateLock Acquire(string lockFile, TimeSpan timeout, string holder, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(lockFile))!);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            cancellation.ThrowIfCancellationRequested();
            if (TryOpen(lockFile) is { } held)
            {
                AtomicFile.WriteAllText(HolderFileFor(lockFile), $"{holder}, since {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}Z\n");
                return new StateLock(held, HolderFileFor(lockFile));
            }
            if (waited.Elapsed >= timeout)
                throw new SlimException(SlimDiagnostics.StateLocked, lockFile, Holder(lockFile), timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            cancellation.WaitHandle.WaitOne(Min(Poll, timeout - waited.Elapsed));
        }
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_holderFile);
        }
        catch (IOException)
        {
            // The next holder rewrites it.
        }
        _lock.Dispose();
    }

    private static FileStream? TryOpen(string lockFile)
    {
        try
        {
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        // Exactly IOException: the lock is held (its subclasses mean a path problem, which must surface).
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            return null;
        }
    }

    private static string Holder(string lockFile)
    {
        try
        {
            return File.ReadAllText(HolderFileFor(lockFile)).Trim();
        }
        catch (IOException)
        {
            return "another publish";
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? (a > TimeSpan.Zero ? a : TimeSpan.Zero) : (b > TimeSpan.Zero ? b : TimeSpan.Zero);
}
