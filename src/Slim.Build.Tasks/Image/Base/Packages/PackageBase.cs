using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>A base assembled from Debian packages.</summary>
/// <param name="Entries">Every entry of the base's layer, sorted, each path once.</param>
/// <param name="Packages">The packages whose files it holds, each with a status.d stanza in it.</param>
/// <param name="Taken">Every package read (for the lock), including those examined and found to carry nothing the base takes.</param>
/// <param name="Glibc">libc6's glibc release.</param>
internal sealed record PackageBase(IReadOnlyList<LayerEntry> Entries, IReadOnlyList<BasePackage> Packages, IReadOnlyList<LockedPackage> Taken, Version? Glibc);
