namespace Slim.Build.Tasks.Diagnostics;

/// <summary>
/// One message of Strings.resx: its SLIM code and the resource that holds its text. The fields of
/// <see cref="SlimDiagnostics"/> are the only instances, so the compiler checks every name.
/// </summary>
internal sealed record SlimDiagnostic(string Code, string ResourceName)
{
    public override string ToString() => $"{Code} ({ResourceName})";
}
