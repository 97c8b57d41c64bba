using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Checks;

/// <summary>When the app looks time zones up by id, /usr/share/zoneinfo is in the image.</summary>
internal sealed class TzdataNeedCheck : IImageCheck
{
    public const string ZoneInfo = "usr/share/zoneinfo";

    public string Name => "tzdata";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckTzdataNeedUnmet;

    public CheckFinding Run(ImageCheckContext context)
    {
        if (context.Needs?.Of(NeedKind.Tzdata) is not { Needed: true } need)
            return CheckFinding.Pass("The app looks no time zone up by id: it needs no tzdata.");
        var zones = context.Image.Entries.Count(e => e.Kind == ImageEntryKind.File && e.Path.StartsWith(ZoneInfo + "/", StringComparison.Ordinal));
        return zones > 0
            ? CheckFinding.Pass($"/{ZoneInfo} holds {zones} files.", ["needs.json: " + need.Reason])
            : CheckFinding.Fail($"The app needs tzdata but the image has no /{ZoneInfo}.", ["needs.json: " + need.Reason], need.Reason, context.BaseImage);
    }
}
