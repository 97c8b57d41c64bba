using System.Text.Json.Serialization;
using Slim.Build.Tasks.Files;

namespace Slim.Build.Tasks.Profiles;

/// <summary>
/// SlimProfile: what the publish makes. Written as aot, trimmed, framework in the project, in Slim's state files
/// and in report.json.
/// </summary>
[JsonConverter(typeof(KebabCaseEnumConverter<SizeProfile>))]
internal enum SizeProfile
{
    /// <summary>A NativeAOT executable (PublishAot).</summary>
    Aot,
    /// <summary>A trimmed self-contained app (PublishTrimmed, SelfContained).</summary>
    Trimmed,
    /// <summary>A framework-dependent app that runs on the shared runtime.</summary>
    Framework,
}
