namespace Slim.Build.Tasks.Upx;

/// <summary>SlimUpxArgs as the argument list UPX gets, and the options in it that would fight Slim's own handling.</summary>
internal static class UpxArguments
{
    // Slim names the output file and runs the test itself; modes other than packing produce no packed file.
    private static readonly (string Option, string Why)[] Reserved =
    [
        ("-o", "an output file"), ("--output", "an output file"), ("--stdout", "an output file"), ("-k", "an output file"), ("--backup", "an output file"),
        ("-t", "another mode than packing"), ("--test", "another mode than packing"), ("-d", "another mode than packing"),
        ("--decompress", "another mode than packing"), ("-l", "another mode than packing"), ("--list", "another mode than packing"),
        ("-V", "another mode than packing"), ("--version", "another mode than packing"), ("-h", "another mode than packing"),
        ("--help", "another mode than packing"), ("-L", "another mode than packing"), ("--license", "another mode than packing"),
    ];

    public static IReadOnlyList<string> Split(string args) =>
        args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The first option Slim cannot pass on, and why; null when every option is fine.</summary>
    public static (string Option, string Why)? FindReserved(IReadOnlyList<string> args)
    {
        foreach (var arg in args)
        {
            var name = arg.Split('=', 2)[0];
            foreach (var (option, why) in Reserved)
                if (name == option || (option == "-o" && arg.StartsWith("-o", StringComparison.Ordinal) && !arg.StartsWith("--", StringComparison.Ordinal)))
                    return (arg, why);
        }
        return null;
    }
}
