namespace Slim.Build.Tasks.Attribution;

/// <summary>What ILC's size map says the native executable holds.</summary>
/// <param name="Assemblies">Bytes of code, type data, static data and resources per assembly name ("System.Private.CoreLib").</param>
/// <param name="Blobs">Bytes of the compiler's own data that belongs to no one assembly (metadata, frozen objects, stack trace data), by name.</param>
internal sealed record MstatSizes(IReadOnlyDictionary<string, long> Assemblies, IReadOnlyDictionary<string, long> Blobs)
{
    public long AssemblyBytes => Assemblies.Values.Sum();

    public long BlobBytes => Blobs.Values.Sum();
}
