using System.Text;
using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// An OpenPGP cleartext-signed document (RFC 4880 §7), as a Debian archive's InRelease is: the text is trusted only
/// when one of its signatures verifies with a key of the keyring. The signed bytes are the text with dash-escapes
/// undone, trailing spaces and tabs cut from each line, lines joined by CRLF and no line end after the last.
/// </summary>
internal static class ClearsignedText
{
    private const string Begin = "-----BEGIN PGP SIGNED MESSAGE-----";
    private const string SignatureBegin = "-----BEGIN PGP SIGNATURE-----";

    /// <summary>The signed text (lines joined by '\n') when a signature verifies; null with the reason otherwise.</summary>
    public static string? Verify(string document, ArchiveKeyring keyring, out string? whyNot)
    {
        whyNot = null;
        var lines = document.Replace("\r\n", "\n").Split('\n');
        var at = Array.FindIndex(lines, l => l.TrimEnd() == Begin);
        if (at < 0)
        {
            whyNot = "it is not a cleartext-signed document";
            return null;
        }
        at++;
        while (at < lines.Length && lines[at].Trim().Length > 0)
            at++; // Hash: headers
        var signatureAt = Array.FindIndex(lines, at, l => l.TrimEnd() == SignatureBegin);
        if (signatureAt < 0)
        {
            whyNot = "it carries no signature";
            return null;
        }
        var text = lines[(at + 1)..signatureAt].Select(l => l.StartsWith("- ", StringComparison.Ordinal) ? l[2..] : l).ToList();
        var signed = Encoding.UTF8.GetBytes(string.Join("\r\n", text.Select(l => l.TrimEnd(' ', '\t'))));
        var signatures = Signatures(string.Join("\n", lines[signatureAt..]));
        if (signatures.Count == 0)
        {
            whyNot = "its signature block cannot be read";
            return null;
        }
        foreach (var signature in signatures)
        {
            if (keyring.Key(signature.KeyId) is not { } key)
                continue;
            signature.InitVerify(key);
            signature.Update(signed);
            if (signature.Verify())
                return string.Join("\n", text);
            whyNot = $"the signature by key {signature.KeyId:X16} does not match the text";
        }
        whyNot ??= "none of its signing keys (" + string.Join(", ", signatures.Select(s => s.KeyId.ToString("X16"))) + ") is in the keyring";
        return null;
    }

    private static List<PgpSignature> Signatures(string armored)
    {
        try
        {
            using var input = new ArmoredInputStream(new MemoryStream(Encoding.ASCII.GetBytes(armored)));
            var factory = new PgpObjectFactory(input);
            var found = new List<PgpSignature>();
            for (var item = factory.NextPgpObject(); item is not null; item = factory.NextPgpObject())
                if (item is PgpSignatureList list)
                    for (var i = 0; i < list.Count; i++)
                        found.Add(list[i]);
            return found;
        }
        catch (Exception e) when (e is IOException or PgpException)
        {
            return [];
        }
    }
}
