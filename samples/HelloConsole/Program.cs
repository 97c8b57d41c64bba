if (args.Contains("--version"))
{
    Console.WriteLine("HelloConsole 1.0");
    return;
}
Console.WriteLine($"Hello from a Slim NativeAOT console app at {DateTimeOffset.UtcNow:O}");
