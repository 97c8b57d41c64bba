using System.Text.Json.Serialization;

namespace Slim.Build.Tasks.Files;

/// <summary>Where a published file comes from, as report.json writes it ("app").</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<FileOrigin>))]
internal enum FileOrigin
{
    /// <summary>Built from the project (bin/ or obj/), or from outside the project folder.</summary>
    App,
    /// <summary>A NuGet package other than a runtime pack.</summary>
    Package,
    /// <summary>A runtime pack (Microsoft.NETCore.App.Runtime.*, runtime.*).</summary>
    Runtime,
    /// <summary>A file of the project folder (appsettings.json, wwwroot/).</summary>
    Content,
    /// <summary>In the publish folder, but not published by this build's items.</summary>
    Other,
}
