using ELFSharp;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;
using ELFSharp.ELF.Segments;

namespace Slim.Build.Tasks.Elf;

/// <summary>ELF object types Slim cares about (e_type).</summary>
internal enum ElfType : ushort { None = 0, Relocatable = 1, Executable = 2, SharedObject = 3, Core = 4 }

/// <summary>
/// What Slim needs to know about an ELF file: its type, section names, and what the dynamic
/// loader needs to run it. Deciding what to strip from section names, not file names, catches a
/// library that a package ships with its symbols whatever it is called. Read with ELFSharp.
/// </summary>
/// <param name="SectionNames">Empty when the file has no section headers, as after UPX.</param>
/// <param name="Interpreter">The PT_INTERP path (/lib64/ld-linux-x86-64.so.2): a program the dynamic loader starts, including a PIE executable whose Type is SharedObject. Null for a library.</param>
/// <param name="SoName">DT_SONAME, e.g. libfoo.so.1; null when the file sets none.</param>
/// <param name="Needed">DT_NEEDED entries in file order, e.g. libm.so.6, libc.so.6.</param>
/// <param name="GlibcVersions">The GLIBC_x.y symbol versions the file requires from any library (.gnu.version_r), distinct, oldest first: the last is the glibc it needs.</param>
/// <param name="Machine">e_machine: the processor the file runs on. A loader skips a library built for another.</param>
/// <param name="RunPath">DT_RUNPATH folders in order, unexpanded ($ORIGIN/../lib); empty when the file sets none.</param>
/// <param name="RPath">DT_RPATH folders, the older form that the loader reads only when DT_RUNPATH is absent.</param>
internal sealed record ElfFile(
    ElfType Type,
    bool Is64Bit,
    IReadOnlyList<string> SectionNames,
    string? Interpreter,
    string? SoName,
    IReadOnlyList<string> Needed,
    IReadOnlyList<string> GlibcVersions,
    ElfMachine Machine,
    IReadOnlyList<string> RunPath,
    IReadOnlyList<string> RPath)
{
    /// <summary>The folders this file asks the loader to search first, in order: DT_RUNPATH, or DT_RPATH when it has no DT_RUNPATH.</summary>
    public IReadOnlyList<string> SearchPath => RunPath.Count > 0 ? RunPath : RPath;

    /// <summary>Whether a loader running this file could load <paramref name="library"/>: same processor and ELF class.</summary>
    public bool CanLoad(ElfFile library) => library.Machine == Machine && library.Is64Bit == Is64Bit;

    /// <summary>The processor in the runtime identifiers' words (x64, arm64), or its e_machine number.</summary>
    public string Architecture => Machine switch
    {
        ElfMachine.X86_64 => Is64Bit ? "x64" : "x32",
        ElfMachine.X86 => "x86",
        ElfMachine.AArch64 => "arm64",
        ElfMachine.Arm => "arm",
        ElfMachine.RiscV => Is64Bit ? "riscv64" : "riscv32",
        ElfMachine.LoongArch => Is64Bit ? "loongarch64" : "loongarch32",
        ElfMachine.PowerPC64 => "ppc64le",
        ElfMachine.S390 => "s390x",
        _ => "e_machine " + (ushort)Machine,
    };

    /// <summary>A PT_INTERP program header: a program the dynamic loader starts.</summary>
    public bool HasInterpreter => Interpreter is not null;

    /// <summary>A library, not a program: a shared object that no loader starts on its own.</summary>
    public bool IsSharedLibrary => Type == ElfType.SharedObject && !HasInterpreter;

    /// <summary>Symbol tables or debug information that strip would remove. A UPX-packed file has no section headers: nothing to strip.</summary>
    public bool HasStrippableSections => SectionNames.Any(IsStrippable);

    public static bool IsStrippable(string section) =>
        section == ".symtab" || section.StartsWith(".debug", StringComparison.Ordinal)
        || section.StartsWith(".zdebug", StringComparison.Ordinal);

    /// <summary>
    /// Returns null for anything that is not a readable ELF file: no ELF magic, truncated or garbled. Inside a step that
    /// keeps an <see cref="ElfFactsMemo"/>, a file read before with the same size and write time is not read again.
    /// </summary>
    public static ElfFile? TryRead(string path) => ElfFactsMemo.Current is { } memo ? memo.TryRead(path, ReadFile) : ReadFile(path);

    private static ElfFile? ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return TryRead(stream);
    }

    /// <inheritdoc cref="TryRead(string)"/>
    public static ElfFile? TryRead(Stream stream)
    {
        if (ELFReader.CheckELFType(stream) == Class.NotELF)
            return null;
        try
        {
            using var elf = ELFReader.Load(stream, shouldOwnStream: false);
            return Read(elf);
        }
        // What ELFSharp throws when offsets or sizes point past the end (EndOfStreamException),
        // before the start (IOException from Seek) or at the wrong kind of section.
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException
                                      or OverflowException or IndexOutOfRangeException or InvalidCastException
                                      or KeyNotFoundException)
        {
            return null;
        }
    }

    private static ElfFile Read(IELF elf)
    {
        // Without section headers (UPX) ELFSharp reads the ELF header as one: its sections mean nothing.
        var sections = elf.HasSectionHeader && elf.HasSectionsStringTable ? elf.Sections : [];
        var strings = sections.OfType<IStringTable>().FirstOrDefault(s => s.Name == ".dynstr");
        var dynamic = sections.OfType<IDynamicSection>().FirstOrDefault();
        var needed = new List<string>();
        var runPath = new List<string>();
        var rPath = new List<string>();
        string? soName = null;
        if (dynamic is not null && strings is not null)
        {
            foreach (var entry in dynamic.Entries)
            {
                if (entry.Tag == DynamicTag.Needed)
                    needed.Add(strings[Value(entry)]);
                else if (entry.Tag == DynamicTag.SoName)
                    soName = strings[Value(entry)];
                else if (entry.Tag == DynamicTag.RunPath)
                    runPath.AddRange(SearchFolders(strings[Value(entry)]));
                else if (entry.Tag == DynamicTag.RPath)
                    rPath.AddRange(SearchFolders(strings[Value(entry)]));
            }
        }
        var versionNeeds = sections.FirstOrDefault(s => s.Type == VersionNeeds.SectionType);
        var versions = versionNeeds is null || strings is null
            ? []
            : VersionNeeds.Parse(versionNeeds.GetContents(), elf.Endianess == Endianess.LittleEndian, offset => strings[offset]);

        return new ElfFile(
            (ElfType)(ushort)elf.Type,
            elf.Class == Class.Bit64,
            [.. sections.Select(s => s.Name)],
            InterpreterPath(elf),
            soName,
            needed,
            VersionNeeds.Glibc(versions.Select(v => v.Version)),
            (ElfMachine)(ushort)elf.Machine,
            runPath,
            rPath);
    }

    // An empty entry in a search path means the current folder to ld.so, which no image relies on.
    private static IEnumerable<string> SearchFolders(string value) =>
        value.Split(':', StringSplitOptions.RemoveEmptyEntries);

    private static string? InterpreterPath(IELF elf)
    {
        var segment = elf.Segments.FirstOrDefault(s => s.Type == SegmentType.Interpreter);
        return segment is null ? null : System.Text.Encoding.UTF8.GetString(segment.GetFileContents()).TrimEnd('\0');
    }

    private static long Value(IDynamicEntry entry) => entry switch
    {
        DynamicEntry<ulong> wide => checked((long)wide.Value),
        DynamicEntry<uint> narrow => narrow.Value,
        _ => throw new InvalidDataException("a dynamic entry of neither ELF class"),
    };
}
