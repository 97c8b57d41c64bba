namespace Slim.Build.Tasks.Needs;

/// <summary>
/// Why Slim believes the app needs something at run time: the file or assembly that shows it
/// ("App.dll", "libe_sqlite3.so", "profile") and what in it does ("calls System.TimeZoneInfo.FindSystemTimeZoneById").
/// </summary>
internal sealed record NeedEvidence(string Source, string Detail)
{
    public override string ToString() => $"{Source} {Detail}";
}
