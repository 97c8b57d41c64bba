namespace Slim.Build.Tasks.Elf;

/// <summary>A soname no folder holds for the requester's processor: the app would fail to start with "cannot open shared object file".</summary>
/// <param name="Rejected">Files with the name that the loader would pass over, and why, e.g. "/usr/lib/x86_64-linux-gnu/libc.so.6: x64, not arm64".</param>
internal sealed record UnresolvedLibrary(string SoName, IReadOnlyList<string> NeededBy, IReadOnlyList<string> Rejected);
