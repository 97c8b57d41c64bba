using Slim.Build.Tasks.Elf;

namespace Slim.Build.Tasks.Needs;

/// <summary>Where the build machine keeps what one need maps to, or that it does not.</summary>
/// <param name="Need">What was looked for: "ICU", "OpenSSL", "CA bundle", "tzdata".</param>
/// <param name="Files">Empty when not found.</param>
/// <param name="Tried">Every path or pattern looked at, in order, for a message that says where Slim looked.</param>
/// <param name="Closure">For libraries: what they need in turn (ICU: libstdc++, libgcc_s, ...); null for data files.</param>
internal sealed record HostLookup(string Need, IReadOnlyList<HostFile> Files, IReadOnlyList<string> Tried, LibraryClosure? Closure = null)
{
    public bool Found => Files.Count > 0;

    /// <summary>Bytes of the files themselves, not of their closure.</summary>
    public long Bytes => Files.Sum(f => f.Size);
}
