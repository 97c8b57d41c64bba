using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// The image runs as a user that is not root and that /etc/passwd lists (by name, or by number when the number
/// is listed): a user the image does not know has no home folder and breaks tools that look it up.
/// </summary>
internal sealed class NonRootUserCheck : IImageCheck
{
    public string Name => "non-root-user";
    public SlimDiagnostic Diagnostic => SlimDiagnostics.CheckUserRootOrUnknown;

    public CheckFinding Run(ImageCheckContext context)
    {
        var user = context.Image.Run.User.Split(':')[0];
        var accounts = ImageAccounts.Read(context.Image);
        var account = accounts.Find(user);
        var evidence = new List<string> { $"config User: '{context.Image.Run.User}'" };
        if (account is not null)
            evidence.Add("/etc/passwd: " + string.Join(':', account));
        else
            evidence.Add(!accounts.Exists ? "the image has no /etc/passwd" : "/etc/passwd lists no such user");
        if (user.Length == 0 || user == "root" || user == "0" || account?[2] == "0")
            return CheckFinding.Fail("The image runs as root.", evidence, context.Image.Run.User.Length == 0 ? "(none: root)" : context.Image.Run.User, "runs as root");
        if (account is null)
            return CheckFinding.Fail($"The image runs as '{user}', which /etc/passwd does not list.", evidence, user, "is not listed in the image's /etc/passwd");
        return CheckFinding.Pass($"The image runs as '{account[0]}' (uid {account[2]}).", evidence);
    }
}
