namespace Slim.Build.Tasks.Upx;

/// <summary>One file UPX packed: the packed bytes' hash and the unpacked file they came from (Slim's own copy under obj/).</summary>
/// <param name="Path">Relative to the publish folder, '/' separators.</param>
/// <param name="PackedSha256">Lower-case hex SHA-256 of the packed file, as it lands in the image.</param>
/// <param name="Original">Full path of the file that was packed.</param>
internal sealed record PackedOriginal(string Path, string PackedSha256, string Original);
