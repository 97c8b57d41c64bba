namespace Slim.Build.Tasks.Needs;

/// <summary>A file on the build machine that a need maps to.</summary>
/// <param name="Name">The name it must have in the image, e.g. libicuuc.so.72 or Europe/Paris.</param>
/// <param name="Path">Where it was found, e.g. /lib/x86_64-linux-gnu/libicuuc.so.72.</param>
/// <param name="RealPath">The file behind <paramref name="Path"/>, links resolved, e.g. /usr/lib/x86_64-linux-gnu/libicuuc.so.72.1.</param>
/// <param name="Size">Bytes of the real file.</param>
internal sealed record HostFile(string Name, string Path, string RealPath, long Size);
