namespace Slim.Build.Tasks.Elf;

/// <summary>How the loader finds a library: the order it tries them in.</summary>
internal enum LibraryLookup
{
    /// <summary>The PT_INTERP path of a shipped program, opened by the kernel before anything else.</summary>
    Interpreter,
    /// <summary>A shipped file whose name or SONAME is the soname asked for.</summary>
    ShippedFile,
    /// <summary>A folder in the requester's DT_RUNPATH (or DT_RPATH), $ORIGIN expanded.</summary>
    SearchPath,
    /// <summary>One of the loader's default folders (<see cref="SystemLibraryFolders"/>).</summary>
    SystemFolder,
}
