using System.Text;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Image.Archive;
using Slim.Build.Tasks.Image.Layers;
using Slim.Build.Tasks.Image.Oci;

namespace Slim.Build.Tasks.Image;

/// <summary>One platform's image, as its own publish wrote it: an OCI archive holding one manifest.</summary>
internal sealed record PlatformImage(string RuntimeIdentifier, ImagePlatform Platform, string Archive);

/// <summary>What the index archive holds: its digest (what a registry calls the multi-platform image) and each platform's manifest.</summary>
internal sealed record ImageIndexSummary(string Archive, string Digest, long Size, IReadOnlyList<(PlatformImage Image, Descriptor Manifest)> Platforms);

/// <summary>
/// Several platforms' images in one OCI archive: <c>index.json</c> lists one entry, an image index (named as a
/// single-platform archive names its manifest), and that index lists each platform's manifest with its platform, in
/// the order given. Blobs the platforms share are stored once. The same images give the same bytes and digest.
/// Each platform archive's blobs are copied out to <c>workDirectory</c> first, so no layer is held in memory.
/// </summary>
internal static class ImageIndexArchive
{
    /// <summary>The index document, beside the blobs in the work folder, for the push.</summary>
    public const string IndexFile = "index.json";

    public static ImageIndexSummary Write(IReadOnlyList<PlatformImage> images, IReadOnlyList<string> names, string path, string workDirectory, ImageEpoch epoch)
    {
        var blobFolder = Path.Combine(workDirectory, "blobs");
        Directory.CreateDirectory(blobFolder);
        var members = new List<ArchiveMember>();
        var platforms = new List<(PlatformImage, Descriptor)>();
        foreach (var image in images)
        {
            var manifest = CopyBlobs(image.Archive, blobFolder, members);
            platforms.Add((image, manifest with { Platform = PlatformList.ForIndex(image.Platform), Annotations = null }));
        }
        var index = OciJsonWriter.Write(new ImageIndex([.. platforms.Select(p => p.Item2)]));
        var indexDigest = Sha256Digest.Of(index);
        // The push sends these very bytes.
        IO.AtomicFile.WriteAllTextIfChanged(Path.Combine(workDirectory, IndexFile), Encoding.UTF8.GetString(index));
        var name = names.FirstOrDefault();
        var layout = OciJsonWriter.Write(new ImageIndex([new Descriptor(MediaTypes.OciIndex, indexDigest, index.Length,
            Annotations: name is null ? null : [KeyValuePair.Create(Annotations.ContainerdName, name), KeyValuePair.Create(Annotations.RefName, name)])]));
        members.Add(new ArchiveMember("oci-layout", Content: Encoding.UTF8.GetBytes(OciArchiveWriter.LayoutVersion)));
        members.Add(new ArchiveMember("index.json", Content: layout));
        members.Add(ArchiveMember.Blob(indexDigest, index));
        ArchiveMember.WriteTar(members, path, epoch);
        return new ImageIndexSummary(Path.GetFullPath(path), indexDigest, index.Length, platforms);
    }

    /// <summary>Copies every blob of <paramref name="archive"/> into <paramref name="blobFolder"/> (once per digest) and adds it to <paramref name="members"/>.</summary>
    /// <returns>The descriptor of the archive's one image manifest.</returns>
    /// <exception cref="SlimException">SLIM4070 when the archive holds no single image manifest.</exception>
    private static Descriptor CopyBlobs(string archive, string blobFolder, List<ArchiveMember> members)
    {
        if (!File.Exists(archive))
            throw new SlimException(SlimDiagnostics.PlatformImageUnusable, archive, "it does not exist");
        byte[]? layoutIndex = null;
        foreach (var (name, entry) in ImageArchiveReader.Members(archive))
        {
            if (entry.DataStream is not { } data)
                continue;
            if (name == "index.json")
            {
                using var copy = new MemoryStream();
                data.CopyTo(copy);
                layoutIndex = copy.ToArray();
            }
            else if (name.StartsWith("blobs/sha256/", StringComparison.Ordinal))
            {
                var digest = Sha256Digest.Prefix + name["blobs/sha256/".Length..];
                var file = Path.Combine(blobFolder, name["blobs/sha256/".Length..]);
                // A blob is named by its digest: one already copied with the right length is that blob (the tar writer checks its hash).
                if (!File.Exists(file) || new FileInfo(file).Length != entry.Length)
                {
                    var temp = file + ".slim-tmp";
                    using (var target = File.Create(temp))
                        data.CopyTo(target);
                    File.Move(temp, file, overwrite: true);
                }
                members.Add(new ArchiveMember(ArchivePath.Blob(digest), SourceFile: file));
            }
        }
        if (layoutIndex is null)
            throw new SlimException(SlimDiagnostics.PlatformImageUnusable, archive, "it holds no index.json (an OCI archive is needed: SlimImageFormat=oci)");
        ImageIndex index;
        try
        {
            index = OciJsonReader.ReadIndex(layoutIndex);
        }
        catch (FormatException e)
        {
            throw new SlimException(SlimDiagnostics.PlatformImageUnusable, archive, e.Message);
        }
        return index.Manifests is [{ IsManifest: true } manifest]
            ? manifest
            : throw new SlimException(SlimDiagnostics.PlatformImageUnusable, archive, $"its index.json lists {index.Manifests.Count} entries, not one image manifest");
    }
}
