using Slim.Build.Tasks.IO;
using Slim.Build.Tasks.Profiles;

namespace Slim.Build.Tasks.Settings;

/// <summary>
/// The settings the later steps read, each checked once by SlimValidateSettings before any work (before the compile
/// when dotnet publish builds) and written to obj/.../slim/settings.json. A step never parses these properties again.
/// </summary>
/// <param name="ImageNames">repository:tag for each tag (ContainerRepository, ContainerImageTag(s)); the first is the archive's.</param>
/// <param name="Registry">ContainerRegistry, trimmed; empty: nothing is pushed.</param>
/// <param name="RegistryTimeoutSeconds">SlimRegistryTimeout.</param>
/// <param name="PushTimeoutSeconds">SlimPushTimeout.</param>
/// <param name="MaxWastedBytes">SlimMaxWastedBytes; null: no limit.</param>
/// <param name="RaiseAllChecks">SlimChecksAsErrors=true.</param>
/// <param name="RaisedChecks">The check codes SlimChecksAsErrors names.</param>
internal sealed record SlimSettings(
    SizeProfile Profile,
    ImageFormat ImageFormat,
    IReadOnlyList<string> ImageNames,
    string Registry,
    double RegistryTimeoutSeconds,
    double PushTimeoutSeconds,
    long? MaxWastedBytes,
    bool RaiseAllChecks,
    IReadOnlyList<string> RaisedChecks)
{
    public static SlimSettings Load(string path) =>
        File.Exists(path) ? StateFile.Load<SlimSettings>(path, "settings")
        : throw new FileNotFoundException($"'{path}' is missing: SlimValidateSettings writes it before any step runs.", path);

    public void Save(string path) => StateFile.Save(path, this);
}
