using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Slim.Build.Tasks.Attribution;

/// <summary>
/// Reads the size map ILC writes with <c>IlcGenerateMstatFile=true</c> (obj/.../native/&lt;App&gt;.mstat). It is an
/// ECMA-335 assembly whose &lt;Module&gt; methods are tables written as IL: each entry loads a token (ldtoken) or a
/// name (ldstr) and then its numbers (ldc.i4). Methods: method, code bytes, GC info bytes, EH info bytes[, node];
/// Types: type, bytes[, node]; RvaFields: field, bytes, node; ManifestResources: assembly, name, bytes;
/// Blobs: name, bytes. Versions 1 and 2 differ only in the trailing node numbers, so entries are split at each
/// token rather than by a fixed width.
/// </summary>
internal static class MstatReader
{
    public static MstatSizes Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var scopes = new AssemblyScopes(reader);
        var assemblies = new Dictionary<string, long>(StringComparer.Ordinal);
        var blobs = new Dictionary<string, long>(StringComparer.Ordinal);
        var module = reader.GetTypeDefinition(MetadataTokens.TypeDefinitionHandle(1));
        foreach (var handle in module.GetMethods())
        {
            var method = reader.GetMethodDefinition(handle);
            var name = reader.GetString(method.Name);
            var entries = Entries(pe.GetMethodBody(method.RelativeVirtualAddress).GetILReader());
            switch (name)
            {
                case "Methods":
                    foreach (var e in entries.Where(e => e.Token is not null && e.Numbers.Count >= 3))
                        Add(assemblies, scopes.OfToken(e.Token!.Value), e.Numbers[0] + e.Numbers[1] + e.Numbers[2]);
                    break;
                case "Types":
                case "RvaFields":
                    foreach (var e in entries.Where(e => e.Token is not null && e.Numbers.Count >= 1))
                        Add(assemblies, scopes.OfToken(e.Token!.Value), e.Numbers[0]);
                    break;
                case "ManifestResources":
                    foreach (var e in entries.Where(e => e.String is not null && e.Before is not null && e.Numbers.Count >= 1))
                        Add(assemblies, scopes.OfToken(MetadataTokens.EntityHandle(e.Before!.Value)), e.Numbers[0]);
                    break;
                case "Blobs":
                    foreach (var e in entries.Where(e => e.String is not null && e.Numbers.Count >= 1))
                        Add(blobs, reader.GetUserString(MetadataTokens.UserStringHandle(e.String!.Value & 0xFFFFFF)), e.Numbers[0]);
                    break;
            }
        }
        return new MstatSizes(assemblies, blobs);
    }

    private static void Add(Dictionary<string, long> sizes, string key, long bytes) =>
        sizes[key] = sizes.GetValueOrDefault(key) + bytes;

    /// <param name="Token">The ldtoken operand that starts the entry.</param>
    /// <param name="String">The ldstr operand that starts the entry (a user string token).</param>
    /// <param name="Before">The number loaded just before an ldstr entry (ManifestResources' assembly token).</param>
    private sealed record Entry(EntityHandle? Token, int? String, int? Before, List<long> Numbers);

    private static List<Entry> Entries(BlobReader il)
    {
        var entries = new List<Entry>();
        Entry? current = null;
        int? lastNumber = null;
        while (il.RemainingBytes > 0)
        {
            var opCode = il.ReadByte();
            switch (opCode)
            {
                case 0xD0: // ldtoken
                    entries.Add(current = new Entry(MetadataTokens.EntityHandle(il.ReadInt32()), null, null, []));
                    lastNumber = null;
                    break;
                case 0x72: // ldstr
                    if (current is { String: null, Token: null } && current.Numbers.Count > 0 && lastNumber is not null)
                        current.Numbers.RemoveAt(current.Numbers.Count - 1);
                    entries.Add(current = new Entry(null, il.ReadInt32(), lastNumber, []));
                    lastNumber = null;
                    break;
                case 0x20: // ldc.i4
                    Number(il.ReadInt32());
                    break;
                case 0x1F: // ldc.i4.s
                    Number(il.ReadSByte());
                    break;
                case >= 0x15 and <= 0x1E: // ldc.i4.m1 .. ldc.i4.8
                    Number(opCode - 0x16);
                    break;
                case 0x21: // ldc.i8
                    Number(il.ReadInt64());
                    break;
                case 0x00 or 0x26 or 0x2A: // nop, pop, ret
                    break;
                default:
                    throw new InvalidDataException($"Unexpected IL opcode 0x{opCode:X2} in an mstat table.");
            }
        }
        return entries;

        void Number(long value)
        {
            current?.Numbers.Add(value);
            if (current is null)
                entries.Add(current = new Entry(null, null, null, [value]));
            lastNumber = (int)value;
        }
    }
}
