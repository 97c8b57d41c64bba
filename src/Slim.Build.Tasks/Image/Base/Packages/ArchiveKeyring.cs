using Org.BouncyCastle.Bcpg.OpenPgp;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>The OpenPGP public keys an archive's InRelease must be signed by: a keyring file, binary (.gpg) or armored (.asc).</summary>
internal sealed class ArchiveKeyring
{
    private readonly PgpPublicKeyRingBundle keys;

    private ArchiveKeyring(string path, PgpPublicKeyRingBundle keys)
    {
        Path = path;
        this.keys = keys;
    }

    public string Path { get; }

    /// <exception cref="IOException">The file cannot be read, or holds no OpenPGP public keys.</exception>
    public static ArchiveKeyring Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return new ArchiveKeyring(path, new PgpPublicKeyRingBundle(PgpUtilities.GetDecoderStream(stream)));
        }
        catch (PgpException e)
        {
            throw new IOException(e.Message, e);
        }
    }

    public PgpPublicKey? Key(long keyId) => keys.GetPublicKey(keyId);
}
