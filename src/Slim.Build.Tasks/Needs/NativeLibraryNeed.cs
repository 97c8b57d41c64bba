namespace Slim.Build.Tasks.Needs;

/// <summary>
/// A shared library the dynamic loader must find for a file that ships (DT_NEEDED, or the interpreter).
/// Ships: it is in the publish folder. HostPath: where the build machine has it (null when it has not).
/// </summary>
internal sealed record NativeLibraryNeed(string Name, bool Ships, string? HostPath, long? Bytes, IReadOnlyList<string> NeededBy);
