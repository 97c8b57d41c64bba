using Slim.Build.Tasks.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Image.Base.Packages;

/// <summary>
/// slim.packages.lock.json, beside the project and committed with it as NuGet's packages.lock.json is: the
/// distribution, the suites, and each package of the base at its exact version and SHA-256, per architecture. The
/// first publish writes it; later ones take exactly these versions; SlimLockedMode refuses a package it lacks.
/// <see cref="Sysroot"/> pins, apart from the base's, what a NativeAOT cross link needs (docs/multiarch.md).
/// </summary>
internal sealed partial record PackageLock(int LockVersion, string Distribution, string Release, string ReleaseVersion, IReadOnlyList<string> Suites,
    IReadOnlyList<LockedPackage> Packages)
{
    public const string FileName = "slim.packages.lock.json";

    /// <summary>The packages a NativeAOT publish for another architecture links against (libc6-dev, ...), per architecture; absent when none was made.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<LockedPackage>? Sysroot { get; init; }
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // A lock is reviewed by people: 2.36-9+deb12u10 and libstdc++6 as written, not with \u002B.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = PackageLockJson.Default,
    };

    public static PackageLock Empty(IReadOnlyList<string> suites) =>
        new(CurrentVersion, DebianRelease.Distribution, DebianRelease.Codename, DebianRelease.Version, suites, []);

    public LockedPackage? Find(string name, string architecture) => Packages.FirstOrDefault(p => p.Name == name && p.Serves(architecture));

    /// <summary>The lock at <paramref name="path"/>; null when there is none.</summary>
    /// <exception cref="SlimException">SLIM4056 naming the file and what is wrong with a damaged lock or one of another distribution.</exception>
    public static PackageLock? ReadOrFail(string path)
    {
        try
        {
            return Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new SlimException(SlimDiagnostics.PackageLockInvalid, path, e.Message.TrimEnd('.'));
        }
    }

    /// <summary>The lock at <paramref name="path"/>; null when there is none. Throws InvalidDataException saying what is wrong with a damaged one or one of another distribution.</summary>
    public static PackageLock? Read(string path)
    {
        if (!File.Exists(path))
            return null;
        PackageLock? lockFile;
        try
        {
            lockFile = JsonSerializer.Deserialize<PackageLock>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("it is not valid JSON (" + e.Message.TrimEnd('.') + ")");
        }
        if (lockFile is null || lockFile.Packages is null || lockFile.Suites is null)
            throw new InvalidDataException("it has no packages list");
        if (lockFile.LockVersion != CurrentVersion)
            throw new InvalidDataException($"it is lock version {lockFile.LockVersion}; this Slim reads version {CurrentVersion}");
        if (lockFile.Distribution != DebianRelease.Distribution || lockFile.Release != DebianRelease.Codename)
            throw new InvalidDataException($"it pins {lockFile.Distribution} {lockFile.Release} packages; this Slim builds on {DebianRelease.Distribution} {DebianRelease.Codename} ({DebianRelease.Version})");
        var bad = lockFile.Packages.Concat(lockFile.Sysroot ?? []).FirstOrDefault(p => string.IsNullOrEmpty(p.Name) || string.IsNullOrEmpty(p.Version) || string.IsNullOrEmpty(p.Path)
            || p.Path.Split('/').Contains("..") || p.Sha256 is not { Length: 64 } || !p.Sha256.All(char.IsAsciiHexDigitLower));
        if (bad is not null)
            throw new InvalidDataException($"its entry for '{bad.Name}' lacks a name, version, path or lower-case SHA-256");
        return lockFile;
    }

    public string ToJson() => JsonSerializer.Serialize(this with
    {
        Packages = Sorted(Packages),
        Sysroot = Sysroot is null ? null : Sorted(Sysroot),
    }, Json) + "\n";

    private static List<LockedPackage> Sorted(IEnumerable<LockedPackage> packages) =>
        [.. packages.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Architecture, StringComparer.Ordinal)];

    /// <summary>Metadata generated at compile time: no reflection in MSBuild's process (issue 29); the options above add the encoder, which has no source-generation option.</summary>
    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(PackageLock))]
    private sealed partial class PackageLockJson : JsonSerializerContext;
}
