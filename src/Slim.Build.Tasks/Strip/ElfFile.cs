using System.Buffers.Binary;
using System.Text;

namespace Slim.Build.Tasks.Strip;

/// <summary>ELF object types Slim cares about (e_type).</summary>
internal enum ElfType : ushort { None = 0, Relocatable = 1, Executable = 2, SharedObject = 3, Core = 4 }

/// <summary>
/// What Slim needs to know about an ELF file, read from its headers: the type and the section
/// names. Deciding what to strip from section names, not file names, catches a library that a
/// package ships with its symbols whatever it is called.
/// </summary>
/// <param name="HasInterpreter">A PT_INTERP program header: a program the dynamic loader starts, including a PIE executable whose Type is SharedObject.</param>
internal sealed record ElfFile(ElfType Type, bool Is64Bit, IReadOnlyList<string> SectionNames, bool HasInterpreter = false)
{
    /// <summary>A library, not a program: a shared object that no loader starts on its own.</summary>
    public bool IsSharedLibrary => Type == ElfType.SharedObject && !HasInterpreter;

    /// <summary>Symbol tables or debug information that strip would remove. A UPX-packed file has no section headers: nothing to strip.</summary>
    public bool HasStrippableSections => SectionNames.Any(IsStrippable);

    public static bool IsStrippable(string section) =>
        section == ".symtab" || section.StartsWith(".debug", StringComparison.Ordinal)
        || section.StartsWith(".zdebug", StringComparison.Ordinal);

    /// <summary>Returns null for anything that is not a readable ELF file (checked by its magic bytes).</summary>
    public static ElfFile? TryRead(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return TryRead(stream);
    }

    public static ElfFile? TryRead(Stream stream)
    {
        var ident = new byte[64];
        if (stream.Read(ident, 0, 64) < 52 || ident[0] != 0x7F || ident[1] != (byte)'E' || ident[2] != (byte)'L' || ident[3] != (byte)'F')
            return null;
        var is64 = ident[4] == 2;
        var little = ident[5] == 1;
        if (ident[4] is not (1 or 2) || ident[5] is not (1 or 2))
            return null;
        var header = new HeaderReader(ident, little);
        var type = (ElfType)header.U16(16);
        var interpreter = HasInterpreterHeader(stream, header, is64, little);
        long sectionOffset = is64 ? (long)header.U64(0x28) : header.U32(0x20);
        int sectionEntrySize = header.U16(is64 ? 0x3A : 0x2E);
        int sectionCount = header.U16(is64 ? 0x3C : 0x30);
        int namesIndex = header.U16(is64 ? 0x3E : 0x32);
        if (sectionOffset == 0 || sectionCount == 0 || namesIndex >= sectionCount || sectionEntrySize < (is64 ? 64 : 40)
            || sectionOffset + (long)sectionCount * sectionEntrySize > stream.Length)
            return new ElfFile(type, is64, [], interpreter);

        var table = new byte[sectionCount * sectionEntrySize];
        stream.Position = sectionOffset;
        stream.ReadExactly(table);
        var sections = new HeaderReader(table, little);
        long Offset(int i) => is64 ? (long)sections.U64(i * sectionEntrySize + 0x18) : sections.U32(i * sectionEntrySize + 0x10);
        long Size(int i) => is64 ? (long)sections.U64(i * sectionEntrySize + 0x20) : sections.U32(i * sectionEntrySize + 0x14);

        var namesSize = Size(namesIndex);
        if (Offset(namesIndex) + namesSize > stream.Length || namesSize > 16 * 1024 * 1024)
            return new ElfFile(type, is64, [], interpreter);
        var names = new byte[namesSize];
        stream.Position = Offset(namesIndex);
        stream.ReadExactly(names);

        var result = new List<string>(sectionCount);
        for (var i = 0; i < sectionCount; i++)
        {
            var nameOffset = (int)sections.U32(i * sectionEntrySize);
            if (nameOffset >= names.Length)
                continue;
            var end = Array.IndexOf(names, (byte)0, nameOffset);
            result.Add(Encoding.ASCII.GetString(names, nameOffset, (end < 0 ? names.Length : end) - nameOffset));
        }
        return new ElfFile(type, is64, result, interpreter);
    }

    private static bool HasInterpreterHeader(Stream stream, HeaderReader header, bool is64, bool little)
    {
        const uint PtInterp = 3;
        long offset = is64 ? (long)header.U64(0x20) : header.U32(0x1C);
        int entrySize = header.U16(is64 ? 0x36 : 0x2A);
        int count = header.U16(is64 ? 0x38 : 0x2C);
        if (offset == 0 || count == 0 || entrySize < (is64 ? 56 : 32) || offset + (long)count * entrySize > stream.Length)
            return false;
        var table = new byte[count * entrySize];
        stream.Position = offset;
        stream.ReadExactly(table);
        var entries = new HeaderReader(table, little);
        for (var i = 0; i < count; i++)
            if (entries.U32(i * entrySize) == PtInterp)
                return true;
        return false;
    }

    private readonly struct HeaderReader(byte[] bytes, bool littleEndian)
    {
        public ushort U16(int at) => littleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at));
        public uint U32(int at) => littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
        public ulong U64(int at) => littleEndian ? BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(at)) : BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(at));
    }
}
