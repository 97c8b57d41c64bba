using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Slim.Build.Tasks.Elf;

/// <summary>One symbol version a file requires from a library, e.g. (libc.so.6, GLIBC_2.34).</summary>
internal readonly record struct VersionNeed(string File, string Version);

/// <summary>
/// Parses a .gnu.version_r section (SHT_GNU_verneed), which ELFSharp reads as raw bytes only. Each
/// Verneed entry (16 bytes, the same in 32- and 64-bit files: vn_version, vn_cnt, vn_file, vn_aux,
/// vn_next) names a library and chains vn_cnt Vernaux entries (16 bytes: vna_hash, vna_flags,
/// vna_other, vna_name, vna_next) naming the versions. Offsets are relative to the entry; names
/// are offsets into .dynstr.
/// </summary>
internal static class VersionNeeds
{
    public const ELFSharp.ELF.Sections.SectionType SectionType = (ELFSharp.ELF.Sections.SectionType)0x6ffffffe;
    private const int EntrySize = 16;
    private static readonly Regex GlibcVersion = new(@"^GLIBC_\d{1,6}(\.\d{1,6})*$", RegexOptions.CultureInvariant);

    /// <summary>Every (file, version) pair in section order; stops at the first entry that would run past the end.</summary>
    public static IReadOnlyList<VersionNeed> Parse(byte[] section, bool littleEndian, Func<long, string> dynamicString)
    {
        uint U32(long at) => littleEndian
            ? BinaryPrimitives.ReadUInt32LittleEndian(section.AsSpan((int)at))
            : BinaryPrimitives.ReadUInt32BigEndian(section.AsSpan((int)at));
        ushort U16(long at) => littleEndian
            ? BinaryPrimitives.ReadUInt16LittleEndian(section.AsSpan((int)at))
            : BinaryPrimitives.ReadUInt16BigEndian(section.AsSpan((int)at));

        var result = new List<VersionNeed>();
        for (long need = 0; need + EntrySize <= section.Length;)
        {
            var file = dynamicString(U32(need + 4));
            var aux = need + U32(need + 8);
            for (var i = U16(need + 2); i > 0 && aux + EntrySize <= section.Length; i--)
            {
                result.Add(new VersionNeed(file, dynamicString(U32(aux + 8))));
                var nextAux = U32(aux + 12);
                if (nextAux == 0)
                    break;
                aux += nextAux;
            }
            var next = U32(need + 12);
            if (next == 0)
                break;
            need += next;
        }
        return result;
    }

    /// <summary>The GLIBC_x.y names among <paramref name="versions"/>, distinct, oldest first (GLIBC_2.2.5 before GLIBC_2.17).</summary>
    public static IReadOnlyList<string> Glibc(IEnumerable<string> versions) =>
        [.. versions.Where(v => GlibcVersion.IsMatch(v)).Distinct(StringComparer.Ordinal)
            .OrderBy(v => v["GLIBC_".Length..].Split('.').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray(), NumberListComparer.Instance)];

    private sealed class NumberListComparer : IComparer<int[]>
    {
        public static readonly NumberListComparer Instance = new();

        public int Compare(int[]? x, int[]? y)
        {
            for (var i = 0; i < Math.Min(x!.Length, y!.Length); i++)
                if (x[i] != y[i])
                    return x[i].CompareTo(y[i]);
            return x.Length.CompareTo(y.Length);
        }
    }
}
