namespace Slim.Build.Tasks.Elf;

/// <summary>A file given as shipped that the closure did not read, e.g. ("App.dll", "not an ELF file").</summary>
internal sealed record SkippedFile(string Path, string Reason);
