namespace Slim.Build.Tasks.Upx;

/// <summary>
/// The Linux processors UPX 4 packs ELF programs for, in the RIDs' own words: `upx --help` (4.2.2) lists linux/amd64,
/// linux/i386, linux/arm, linux/arm64 and linux/ppc64le among its linux/elf formats; s390x, riscv64 and loongarch64
/// are not among them.
/// </summary>
internal static class UpxPlatforms
{
    public static readonly IReadOnlyList<string> PackedArchitectures = ["x64", "x86", "arm", "arm64", "ppc64le"];

    /// <summary>Whether UPX packs a program of <paramref name="runtimeIdentifier"/> (linux-arm64, linux-musl-x64); true for no RID (the machine's own).</summary>
    public static bool Packs(string runtimeIdentifier)
    {
        var rid = runtimeIdentifier.Trim().ToLowerInvariant();
        return rid.Length == 0 || PackedArchitectures.Contains(rid[(rid.LastIndexOf('-') + 1)..]);
    }
}
