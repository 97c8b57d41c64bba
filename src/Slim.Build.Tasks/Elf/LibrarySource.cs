namespace Slim.Build.Tasks.Elf;

/// <summary>Whether a library the app needs travels with it or must already be in the image's base.</summary>
internal enum LibrarySource { Shipped, Host }
