using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Elf;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Ledger;

namespace Slim.Build.Tasks.Upx;

/// <summary>What packing one file gave. Action: Packed, NotCompressible or SmokeTestFailed (the last two ship the original).</summary>
internal sealed record UpxResult(string Destination, long Before, long After, long GzipBefore, long GzipAfter, LedgerAction Action);

/// <summary>
/// Writes a UPX-packed copy of a file. UPX packs a copy in Slim's own folder into a temporary file,
/// `upx -t` checks it, `upx -d` must give back the very bytes that were packed, an optional smoke
/// command runs it, and only then is it renamed into place; the source is never handed to UPX.
/// </summary>
/// <param name="smokeTest">Arguments to run a packed executable with; it must exit 0. Empty: no smoke test.</param>
/// <param name="smokeRunner">Runs the smoke test (a shorter time limit than UPX gets); default: runner.</param>
internal sealed class UpxPacker(IToolRunner runner, string upx, IReadOnlyList<string> upxArgs, string smokeTest, IDiagnostics diagnostics,
    IToolRunner? smokeRunner = null)
{
    public UpxResult Pack(UpxCandidate candidate, string destination)
    {
        var source = candidate.Item.Source;
        var relativePath = candidate.Item.RelativePath;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        // A failed run must not leave an earlier packed copy behind to be published or to look up to date.
        File.Delete(destination);
        var temp = AtomicFile.TempPathFor(destination);
        var input = destination + ".slim-in";
        var action = LedgerAction.Packed;
        try
        {
            File.Delete(temp);
            File.Copy(source, input, overwrite: true);
            var packed = runner.Run(upx, [.. upxArgs, "-q", "-o", temp, input]);
            if (packed.ExitCode != 0 && packed.Output.Contains("NotCompressibleException", StringComparison.Ordinal))
            {
                diagnostics.Warning(SlimDiagnostics.UpxRefused_NotCompressible, relativePath, FirstLine(packed.Output));
                action = LedgerAction.NotCompressible;
                File.Copy(source, temp, overwrite: true);
            }
            else
            {
                if (packed.ExitCode != 0 || !File.Exists(temp))
                    throw new SlimException(SlimDiagnostics.UpxFailed, relativePath, upx, string.Join(' ', upxArgs), packed.ExitCode, FirstLine(packed.Output));
                Verify(temp, relativePath);
                VerifyRoundTrip(temp, input, relativePath);
                if (candidate.IsAppExecutable && !SmokeTestPasses(temp, relativePath))
                {
                    action = LedgerAction.SmokeTestFailed;
                    File.Copy(source, temp, overwrite: true);
                }
            }
            File.Move(temp, destination, overwrite: true);
            // The tool keeps the input's time; the copy must be newer than the step's inputs to count as up to date.
            File.SetLastWriteTimeUtc(destination, DateTime.UtcNow);
        }
        finally
        {
            File.Delete(temp);
            File.Delete(input);
        }
        return new UpxResult(destination, new FileInfo(source).Length, new FileInfo(destination).Length,
            WireSize.Gzip(source), WireSize.Gzip(destination), action);
    }

    private void Verify(string temp, string relativePath)
    {
        var test = runner.Run(upx, ["-t", "-q", temp]);
        if (test.ExitCode != 0)
            throw new SlimException(SlimDiagnostics.UpxTestFailed, relativePath, upx, test.ExitCode, FirstLine(test.Output));
        if (ElfFile.TryRead(temp) is null)
            throw new SlimException(SlimDiagnostics.UpxTestFailed, relativePath, upx, test.ExitCode, "the packed copy is not an ELF file");
    }

    /// <summary>
    /// `upx -t` checks the compressed data only. Unpacking the packed copy must give back the file that was
    /// packed, byte for byte, before the packed copy may ship: measured 0.53-0.76 s for a 13.5 MB web app, about
    /// what `upx -t` takes, against 29-54 s to pack it (docs/upx-startup.md).
    /// </summary>
    private void VerifyRoundTrip(string packed, string original, string relativePath)
    {
        var unpacked = packed + ".unpacked";
        try
        {
            File.Delete(unpacked);
            var result = runner.Run(upx, ["-d", "-q", "-o", unpacked, packed]);
            if (result.ExitCode != 0 || !File.Exists(unpacked))
                throw new SlimException(SlimDiagnostics.UpxTestFailed, relativePath, upx, result.ExitCode, "upx -d could not unpack it: " + FirstLine(result.Output));
            if (!FilesEqual(unpacked, original))
                throw new SlimException(SlimDiagnostics.UpxTestFailed, relativePath, upx, result.ExitCode, "it does not unpack to the original bytes");
        }
        finally
        {
            File.Delete(unpacked);
        }
    }

    private static bool FilesEqual(string a, string b)
    {
        if (new FileInfo(a).Length != new FileInfo(b).Length)
            return false;
        using var left = File.OpenRead(a);
        using var right = File.OpenRead(b);
        var x = new byte[81920];
        var y = new byte[81920];
        int read;
        while ((read = left.Read(x, 0, x.Length)) > 0)
        {
            right.ReadExactly(y, 0, read);
            if (!x.AsSpan(0, read).SequenceEqual(y.AsSpan(0, read)))
                return false;
        }
        return true;
    }

    private bool SmokeTestPasses(string temp, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(smokeTest))
            return true;
        var run = (smokeRunner ?? runner).Run(temp, UpxArguments.Split(smokeTest));
        if (run.ExitCode == 0)
            return true;
        diagnostics.Warning(SlimDiagnostics.UpxSmokeTestFailed, relativePath, smokeTest, run.ExitCode, FirstLine(run.Output));
        return false;
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "no output" : line;
    }
}
