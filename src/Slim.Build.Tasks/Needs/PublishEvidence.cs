using System.Text;
using Slim.Build.Tasks.Elf;

namespace Slim.Build.Tasks.Needs;

/// <summary>
/// Evidence read from the files that ship, which survives trimming and NativeAOT: what the trimmer kept,
/// and whether ILC linked the OpenSSL shim (it names the libssl it opens at run time).
/// </summary>
internal static class PublishEvidence
{
    private static readonly byte[] LibSsl = Encoding.ASCII.GetBytes("libssl.so");

    /// <summary>Assemblies the trimmer removes when nothing uses them: kept, they can open TLS connections.</summary>
    private static readonly string[] TlsAssemblies = ["System.Net.Security.dll", "System.Net.Http.dll", "System.Net.Quic.dll"];
    private static readonly string[] CryptoAssemblies = ["System.Security.Cryptography.dll"];

    public static (IReadOnlyList<NeedEvidence> OpenSsl, IReadOnlyList<NeedEvidence> Tls) Find(IEnumerable<ShippedFile> files, bool trimmed)
    {
        var openSsl = new List<NeedEvidence>();
        var tls = new List<NeedEvidence>();
        foreach (var file in files)
        {
            if (trimmed && TlsAssemblies.Contains(file.Name, StringComparer.OrdinalIgnoreCase))
            {
                tls.Add(new(file.Name, "kept by the trimmer"));
                openSsl.Add(new(file.Name, "kept by the trimmer"));
            }
            else if (trimmed && CryptoAssemblies.Contains(file.Name, StringComparer.OrdinalIgnoreCase))
                openSsl.Add(new(file.Name, "kept by the trimmer"));
            else if (IsProgram(file.Source) && Contains(file.Source, LibSsl))
                openSsl.Add(new(file.Name, "links the OpenSSL shim, which loads libssl at run time"));
        }
        return (openSsl, tls);
    }

    private static bool IsProgram(string path) => ElfFile.TryRead(path) is { HasInterpreter: true };

    private static bool Contains(string path, byte[] needle)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().IndexOf(needle) >= 0;
    }
}
