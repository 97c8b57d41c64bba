using System.Text.RegularExpressions;
using Slim.Build.Tasks.Diagnostics;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// When the app is not invariant-globalization, ICU is in the image: without it .NET aborts at start
/// ("Couldn't find a valid ICU package").
/// </summary>
internal sealed partial class IcuNeedCheck : IImageCheck
{
    public string Name => "icu";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckIcuNeedUnmet;

    [GeneratedRegex(@"^libicuuc\.so\.\d+(\.\d+)*$")] private static partial Regex IcuUc();

    public CheckFinding Run(ImageCheckContext context)
    {
        if (context.Needs?.Of(NeedKind.Icu) is not { Needed: true } need)
            return CheckFinding.Pass("The app is invariant-globalization: it needs no ICU.");
        var icu = ImageLibraries.Matching(context.Image, IcuUc());
        return icu.Count > 0
            ? CheckFinding.Pass("ICU, which the app needs, is in the image.", [.. icu, "needs.json: " + need.Reason])
            : CheckFinding.Fail("The app needs ICU but the image holds no libicuuc.so.*.", ["needs.json: " + need.Reason], need.Reason, context.BaseImage);
    }
}
