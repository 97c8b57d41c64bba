using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Host;

/// <summary>A file of the build machine copied into the base.</summary>
/// <param name="ImagePath">Where it goes, e.g. lib/x86_64-linux-gnu/libc.so.6 (no leading '/').</param>
/// <param name="HostPath">Where it was found, e.g. /lib/x86_64-linux-gnu/libssl.so.3: the spelling dpkg may know.</param>
/// <param name="RealPath">The file behind <paramref name="HostPath"/>, links resolved: the bytes that ship.</param>
/// <param name="Size">Bytes of <paramref name="RealPath"/>.</param>
internal sealed record PlacedFile(string ImagePath, string HostPath, string RealPath, long Size, bool Executable)
{
    public LayerEntry ToEntry() => LayerEntry.FromFile(ImagePath, RealPath, Executable);
}
