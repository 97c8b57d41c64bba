using Slim.Build.Tasks.Checks;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Files;
using Slim.Build.Tasks.Image;
using Slim.Build.Tasks.Image.Registry;
using Slim.Build.Tasks.Profiles;
using Slim.Build.Tasks.Settings;

namespace Slim.Build.Tasks;

/// <summary>
/// The settings of the steps after the publish (image, push, checklist) whose grammar lives with those steps: image
/// names, the registry and its timeouts, the checklist's limits. Checked here, once, into <see cref="SlimSettings"/>.
/// </summary>
internal static class StepSettingsValidator
{
    /// <returns>The checked settings; null when the profile itself is not known (already reported).</returns>
    public static SlimSettings? Validate(SlimValidateSettings raw, IDiagnostics diagnostics)
    {
        var format = Settings.ImageFormat.Oci;
        IReadOnlyList<string> names = [];
        if (raw.ImageEnabled)
        {
            var text = raw.ImageFormat.Trim();
            if (text.Length > 0 && !Enum.TryParse(text, ignoreCase: true, out format))
                diagnostics.Error(SlimDiagnostics.UnknownChoice, "SlimImageFormat", raw.ImageFormat, "oci, docker");
            if (!string.IsNullOrWhiteSpace(raw.Repository))
                names = ImageNames.From(raw.Repository, raw.Tag, raw.Tags, diagnostics);
        }

        var registry = raw.Registry.Trim();
        var requestTimeout = TimeSpan.FromSeconds(PushLimits.DefaultRequestSeconds);
        var pushTimeout = TimeSpan.FromSeconds(PushLimits.DefaultPushSeconds);
        if (registry.Length > 0)
        {
            if (!RegistryHost.IsValid(registry))
                diagnostics.Error(SlimDiagnostics.InvalidRegistry, raw.Registry);
            requestTimeout = Seconds(() => SecondsSetting.Parse("SlimRegistryTimeout", raw.RegistryTimeout, PushLimits.DefaultRequestSeconds), requestTimeout, diagnostics);
            pushTimeout = Seconds(() => SecondsSetting.Parse("SlimPushTimeout", raw.PushTimeout, PushLimits.DefaultPushSeconds), pushTimeout, diagnostics);
        }

        long? maxWaste = null;
        var raise = Checks.ChecksAsErrors.Parse("", ImageChecker.Codes, diagnostics);
        if (raw.ChecksEnabled)
        {
            if (!string.IsNullOrWhiteSpace(raw.MaxWastedBytes))
            {
                if (ByteSize.TryParse(raw.MaxWastedBytes, out var size))
                    maxWaste = size.Bytes;
                else
                    diagnostics.Error(SlimDiagnostics.InvalidSize, "SlimMaxWastedBytes", raw.MaxWastedBytes);
            }
            raise = Checks.ChecksAsErrors.Parse(raw.ChecksAsErrors, ImageChecker.Codes, diagnostics);
        }

        var baseSource = raw.BaseSource.Trim().ToLowerInvariant();
        if (baseSource.Length == 0)
            baseSource = BaseSources.Packages;
        else if (!BaseSources.AutoSources.Contains(baseSource))
            diagnostics.Error(SlimDiagnostics.UnknownChoice, "SlimBaseSource", raw.BaseSource, string.Join(", ", BaseSources.AutoSources));
        if (Image.Base.Packages.AptSources.FirstInvalidMirror(raw.PackageMirror) is { } mirror)
            diagnostics.Error(SlimDiagnostics.InvalidPackageMirror, raw.PackageMirror, mirror);
        var caCertificates = CaCertificates(raw, diagnostics);

        return SizeProfiles.TryParse(raw.Profile, out var profile)
            ? new SlimSettings(profile, format, names, registry, requestTimeout.TotalSeconds, pushTimeout.TotalSeconds, maxWaste, raise.All, [.. raise.Codes])
            {
                BaseSource = baseSource,
                PackageLockFile = raw.PackageLockFile.Trim(),
                PackageMirror = raw.PackageMirror.Trim(),
                PackageKeyring = raw.PackageKeyring.Trim(),
                LockedMode = raw.LockedMode,
                CaCertificates = caCertificates,
                PackageAllowExpiredRelease = raw.PackageAllowExpiredRelease,
            }
            : null;
    }

    /// <summary>SlimCaCertificates: every file and folder it names exists, and every file it names holds a certificate.</summary>
    private static Image.Base.Packages.CaCertificateSetting CaCertificates(SlimValidateSettings raw, IDiagnostics diagnostics)
    {
        var projectDirectory = string.IsNullOrEmpty(raw.ProjectFile) ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(raw.ProjectFile))!;
        var (setting, missing) = Image.Base.Packages.CaCertificateSetting.Parse(raw.CaCertificates, projectDirectory);
        if (missing is not null)
            diagnostics.Error(SlimDiagnostics.InvalidCaCertificates, raw.CaCertificates, missing, "names no file or folder");
        else if (setting.Paths.Where(File.Exists).FirstOrDefault(f => Image.Base.Packages.TrustLayer.Read(f).Count == 0) is { } unreadable)
            diagnostics.Error(SlimDiagnostics.InvalidCaCertificates, raw.CaCertificates, unreadable, "holds no PEM or DER certificate");
        return setting;
    }

    private static TimeSpan Seconds(Func<TimeSpan> parse, TimeSpan fallback, IDiagnostics diagnostics)
    {
        try
        {
            return parse();
        }
        catch (SlimException e)
        {
            diagnostics.Error(e.Diagnostic, e.Args);
            return fallback;
        }
    }
}
