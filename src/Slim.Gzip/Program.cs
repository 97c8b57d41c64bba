using Slim.Build.Tasks.Files;

// Slim.Gzip LEVEL: standard input, gzipped by ParallelGzipStream, to standard output; the same bytes as in the task's own process.
if (args.Length != 1 || !int.TryParse(args[0], out var level) || level is < 0 or > 9)
{
    Console.Error.WriteLine("usage: dotnet Slim.Gzip.dll LEVEL (0-9) < input > output.gz");
    return 2;
}
using var input = Console.OpenStandardInput();
using var output = Console.OpenStandardOutput();
using (var gzip = new ParallelGzipStream(output, level))
    input.CopyTo(gzip, 1 << 16);
return 0;
