using Slim.Build.Tasks.Diagnostics;

namespace Slim.Build.Tasks.Checks;

/// <summary>
/// Programs a production image should not carry, found by name in the folders of PATH and the usual bin folders:
/// each is a tool an attacker who gets in would use. One class per family (shells, package managers).
/// </summary>
internal abstract class ForbiddenProgramsCheck : IImageCheck
{
    private static readonly string[] BinFolders = ["bin", "sbin", "usr/bin", "usr/sbin", "usr/local/bin", "usr/local/sbin"];

    public abstract string Name { get; }
    public abstract SlimDiagnostic Diagnostic { get; }
    /// <summary>What the family is, as a countable noun: "shell".</summary>
    protected abstract string What { get; }
    protected abstract IReadOnlyList<string> Programs { get; }

    public CheckFinding Run(ImageCheckContext context)
    {
        var found = BinFolders.SelectMany(folder => Programs.Select(p => folder + "/" + p))
            .Where(path => context.Image.Entry(path) is { Kind: not ImageEntryKind.Directory })
            .Select(path => "/" + path).ToList();
        return found.Count == 0
            ? CheckFinding.Pass($"No {What} in the image ({string.Join(", ", Programs)} looked for in /{string.Join(", /", BinFolders)}).")
            : CheckFinding.Fail($"The image carries a {What}: {string.Join(", ", found)}.", found, string.Join(", ", found));
    }
}

internal sealed class ShellCheck : ForbiddenProgramsCheck
{
    public override string Name => "no-shell";
    public override SlimDiagnostic Diagnostic => SlimDiagnostics.CheckShellInImage;
    protected override string What => "shell";
    protected override IReadOnlyList<string> Programs { get; } = ["sh", "bash", "dash", "ash", "zsh", "busybox"];
}

internal sealed class PackageManagerCheck : ForbiddenProgramsCheck
{
    public override string Name => "no-package-manager";
    public override SlimDiagnostic Diagnostic => SlimDiagnostics.CheckPackageManagerInImage;
    protected override string What => "package manager";
    protected override IReadOnlyList<string> Programs { get; } = ["apt", "apt-get", "dpkg", "apk", "yum", "dnf", "microdnf", "rpm"];
}
