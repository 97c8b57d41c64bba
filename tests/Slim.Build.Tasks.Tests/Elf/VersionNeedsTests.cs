using System.Buffers.Binary;
using Slim.Build.Tasks.Elf;

namespace Slim.Build.Tasks.Tests.Elf;

[TestClass]
public sealed class VersionNeedsTests
{
    // A tiny .dynstr: offsets 1, 11, 21, 33, 45.
    private static readonly string[] Strings = ["", "libm.so.6", "libc.so.6", "GLIBC_2.29", "GLIBC_2.2.5", "GLIBC_2.34"];

    private static string DynamicString(long offset)
    {
        var at = 0L;
        foreach (var s in Strings)
        {
            if (at == offset) return s;
            at += s.Length + 1;
        }
        throw new IndexOutOfRangeException();
    }

    private static long Offset(string s) => Strings.TakeWhile(x => x != s).Sum(x => x.Length + 1);

    /// <summary>Verneed (version, cnt, file, aux, next) and Vernaux (hash, flags, other, name, next), 16 bytes each.</summary>
    private static byte[] Section(bool littleEndian, params (string File, string[] Versions)[] needs)
    {
        var bytes = new List<byte>();
        void U16(int v) { var b = new byte[2]; if (littleEndian) BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); else BinaryPrimitives.WriteUInt16BigEndian(b, (ushort)v); bytes.AddRange(b); }
        void U32(long v) { var b = new byte[4]; if (littleEndian) BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v); else BinaryPrimitives.WriteUInt32BigEndian(b, (uint)v); bytes.AddRange(b); }
        for (var n = 0; n < needs.Length; n++)
        {
            var (file, versions) = needs[n];
            U16(1); U16(versions.Length); U32(Offset(file)); U32(16);
            U32(n == needs.Length - 1 ? 0 : 16 + 16 * versions.Length);
            for (var v = 0; v < versions.Length; v++)
            {
                U32(0); U16(0); U16(v + 2); U32(Offset(versions[v]));
                U32(v == versions.Length - 1 ? 0 : 16);
            }
        }
        return [.. bytes];
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void Reads_every_library_and_version_in_either_byte_order(bool littleEndian)
    {
        var section = Section(littleEndian, ("libm.so.6", ["GLIBC_2.29", "GLIBC_2.2.5"]), ("libc.so.6", ["GLIBC_2.34", "GLIBC_2.2.5"]));

        var needs = VersionNeeds.Parse(section, littleEndian, DynamicString);

        CollectionAssert.AreEqual(
            new[] { new VersionNeed("libm.so.6", "GLIBC_2.29"), new VersionNeed("libm.so.6", "GLIBC_2.2.5"),
                    new VersionNeed("libc.so.6", "GLIBC_2.34"), new VersionNeed("libc.so.6", "GLIBC_2.2.5") },
            needs.ToArray());
    }

    [TestMethod]
    public void A_section_cut_short_keeps_what_fits_and_does_not_throw()
    {
        var section = Section(true, ("libm.so.6", ["GLIBC_2.29", "GLIBC_2.2.5"]), ("libc.so.6", ["GLIBC_2.34"]));

        var needs = VersionNeeds.Parse(section[..40], true, DynamicString);

        CollectionAssert.AreEqual(new[] { new VersionNeed("libm.so.6", "GLIBC_2.29") }, needs.ToArray());
        Assert.AreEqual(0, VersionNeeds.Parse([], true, DynamicString).Count);
    }

    [TestMethod]
    public void Glibc_versions_are_distinct_and_ordered_by_number_not_text()
    {
        var glibc = VersionNeeds.Glibc(["GLIBC_2.34", "GLIBC_2.2.5", "GLIBCXX_3.4", "GLIBC_PRIVATE", "GLIBC_2.3", "GLIBC_2.2.5", "GLIBC_2.17"]);

        CollectionAssert.AreEqual(new[] { "GLIBC_2.2.5", "GLIBC_2.3", "GLIBC_2.17", "GLIBC_2.34" }, glibc.ToArray());
    }
}
