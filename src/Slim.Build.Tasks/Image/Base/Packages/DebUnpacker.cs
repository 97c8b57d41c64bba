using System.Globalization;
using System.Text;
using ICSharpCode.SharpZipLib.Tar;
using Slim.Build.Tasks.Image.Layers;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// Reads a .deb (an ar archive of debian-binary "2.0", control.tar.{gz,xz,zst} and data.tar.{gz,xz,zst,}) into a
/// folder of the cache: the control stanza, the data files' bytes under files/, and entries.tsv listing every data
/// entry (path, kind, mode, link). entries.tsv is written last, by rename, so a folder that has it is whole, and a
/// whole folder is never replaced: publishes running at once share it.
/// Hard links become copies; device files and fifos are left out (no package a base takes ships one).
/// </summary>
internal static class DebUnpacker
{
    public const string FilesFolder = "files";
    private const string EntriesFile = "entries.tsv";
    private const string ControlFile = "control";

    /// <summary>The unpacked .deb at <paramref name="folder"/>, unpacking <paramref name="debPath"/> there first when needed.</summary>
    /// <exception cref="InvalidDataException">The file is no .deb Slim can read; the message says what is wrong.</exception>
    public static DebContents Unpack(string debPath, string folder)
    {
        if (TryRead(folder) is { } done)
            return done;
        var temp = $"{folder}.{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.slim-tmp";
        if (Directory.Exists(temp))
            Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(Path.Combine(temp, FilesFolder));
        try
        {
            string? control = null;
            List<DebEntry>? entries = null;
            var sawVersion = false;
            using (var deb = File.OpenRead(debPath))
            {
                foreach (var (name, content) in ArArchive.Members(deb))
                {
                    if (name == "debian-binary")
                        sawVersion = Encoding.ASCII.GetString(content).StartsWith("2.", StringComparison.Ordinal);
                    else if (name.StartsWith("control.tar", StringComparison.Ordinal) && Decompression.IsKnown(name))
                        control = ReadControl(Decompression.Open(new MemoryStream(content), name));
                    else if (name.StartsWith("data.tar", StringComparison.Ordinal) && Decompression.IsKnown(name))
                        entries = Extract(Decompression.Open(new MemoryStream(content), name), Path.Combine(temp, FilesFolder));
                }
            }
            if (!sawVersion || control is null || entries is null)
                throw new InvalidDataException("it lacks " + (!sawVersion ? "debian-binary 2.x" : control is null ? "a readable control.tar with ./control" : "a readable data.tar"));
            File.WriteAllText(Path.Combine(temp, ControlFile), control);
            File.WriteAllLines(Path.Combine(temp, EntriesFile), entries.Select(e =>
                string.Join('\t', e.Path, e.Kind.ToString(), e.Mode.ToString(CultureInfo.InvariantCulture), e.LinkTarget ?? "")));
            // Another publish may have unpacked the same .deb meanwhile and be reading its files: a whole folder stays.
            if (TryRead(folder) is null)
            {
                if (Directory.Exists(folder))
                    Directory.Delete(folder, recursive: true);
                Directory.CreateDirectory(Path.GetDirectoryName(folder)!);
                try
                {
                    Directory.Move(temp, folder);
                }
                catch (IOException) when (TryRead(folder) is not null)
                {
                    // Another publish renamed its copy into place first.
                }
            }
        }
        catch (Exception e) when (e is TarException or ICSharpCode.SharpZipLib.SharpZipBaseException or EndOfStreamException
                                      or SharpCompress.Common.ArchiveException or InvalidOperationException)
        {
            throw new InvalidDataException(e.Message, e);
        }
        finally
        {
            if (Directory.Exists(temp))
                Directory.Delete(temp, recursive: true);
        }
        return TryRead(folder) ?? throw new InvalidDataException("it could not be unpacked into " + folder);
    }

    private static DebContents? TryRead(string folder)
    {
        var entriesFile = Path.Combine(folder, EntriesFile);
        if (!File.Exists(entriesFile))
            return null;
        var control = DpkgStatusFile.Parse(new StringReader(File.ReadAllText(Path.Combine(folder, ControlFile)))).First();
        var entries = File.ReadAllLines(entriesFile).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p =>
            new DebEntry(p[0], Enum.Parse<LayerEntryKind>(p[1]), int.Parse(p[2], CultureInfo.InvariantCulture), p[3].Length == 0 ? null : p[3])).ToList();
        return new DebContents(control, entries, folder);
    }

    private static string? ReadControl(Stream tar)
    {
        using var input = new TarInputStream(tar, Encoding.UTF8);
        for (var entry = input.GetNextEntry(); entry is not null; entry = input.GetNextEntry())
        {
            if (Normalize(entry.Name) == "control" && !entry.IsDirectory)
            {
                using var text = new MemoryStream();
                input.CopyEntryContents(text);
                return Encoding.UTF8.GetString(text.ToArray());
            }
        }
        return null;
    }

    private static List<DebEntry> Extract(Stream tar, string filesFolder)
    {
        var entries = new List<DebEntry>();
        using var input = new TarInputStream(tar, Encoding.UTF8);
        for (var entry = input.GetNextEntry(); entry is not null; entry = input.GetNextEntry())
        {
            var path = Normalize(entry.Name);
            if (path.Length == 0)
                continue;
            if (path.Split('/').Contains(".."))
                throw new InvalidDataException($"its data entry '{entry.Name}' leaves the package's tree");
            var mode = entry.TarHeader.Mode & 0x3FF; // permissions and the sticky bit; set-id bits dropped
            switch (entry.TarHeader.TypeFlag)
            {
                case TarHeader.LF_DIR:
                    entries.Add(new DebEntry(path, LayerEntryKind.Directory, mode, null));
                    break;
                case TarHeader.LF_SYMLINK:
                    entries.Add(new DebEntry(path, LayerEntryKind.Symlink, 0x1FF, entry.TarHeader.LinkName));
                    break;
                case TarHeader.LF_LINK:
                    var source = Path.Combine(filesFolder, Normalize(entry.TarHeader.LinkName));
                    var copy = Path.Combine(filesFolder, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                    File.Copy(source, copy, overwrite: true);
                    entries.Add(new DebEntry(path, LayerEntryKind.File, mode, null));
                    break;
                case TarHeader.LF_NORMAL or TarHeader.LF_OLDNORM:
                    var target = Path.Combine(filesFolder, path);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    using (var file = File.Create(target))
                        input.CopyEntryContents(file);
                    entries.Add(new DebEntry(path, LayerEntryKind.File, mode, null));
                    break;
            }
        }
        return entries;
    }

    /// <summary>"./usr/lib/" -> "usr/lib".</summary>
    private static string Normalize(string name) => LayerEntry.Normalize(name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name == "." ? "" : name);
}
