using System.Globalization;
using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Tests.TestSupport;

namespace Slim.Build.Tasks.Tests.Analysis;

[TestClass]
public sealed class AppCallScannerTests
{
    // Referenced so this test assembly itself calls the APIs the scanner looks for.
    internal static object CultureAndTimeZoneCalls() =>
        (new CultureInfo("fr-FR"), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

    internal static object? ProcessStartCall() => System.Diagnostics.Process.Start("/bin/sh", "-c true");

    internal static object TlsAndCryptoUses() => (new System.Net.Http.HttpClient(), System.Security.Cryptography.SHA256.Create());

    [TestMethod]
    public void Finds_culture_and_time_zone_calls_in_an_assembly()
    {
        var calls = AppCallScanner.Scan(typeof(AppCallScannerTests).Assembly.Location);
        CollectionAssert.Contains(calls.ToList(), new RiskyCall(AppCallScanner.Culture, "System.Globalization.CultureInfo constructor"));
        CollectionAssert.Contains(calls.ToList(), new RiskyCall(AppCallScanner.TimeZone, "System.TimeZoneInfo.FindSystemTimeZoneById"));
    }

    [TestMethod]
    public void Finds_tls_and_cryptography_uses_by_type()
    {
        var calls = AppCallScanner.Scan(typeof(AppCallScannerTests).Assembly.Location);
        CollectionAssert.Contains(calls.ToList(), new RiskyCall(AppCallScanner.Tls, "System.Net.Http.HttpClient"));
        CollectionAssert.Contains(calls.ToList(), new RiskyCall(AppCallScanner.Crypto, "System.Security.Cryptography.SHA256"));
    }

    [TestMethod]
    public void Finds_a_started_process()
    {
        var calls = AppCallScanner.Scan(typeof(AppCallScannerTests).Assembly.Location);
        CollectionAssert.Contains(calls.ToList(), new RiskyCall(AppCallScanner.ProcessStart, "System.Diagnostics.Process.Start"));
        Assert.IsFalse(AppCallScanner.Scan(typeof(System.Text.Json.JsonSerializer).Assembly.Location).Any(c => c.Kind == AppCallScanner.ProcessStart),
            "System.Text.Json starts no process");
    }

    [TestMethod]
    public void A_native_file_is_not_a_managed_assembly()
    {
        using var temp = new TempFolder();
        var native = Path.Combine(temp.Path, "libfoo.so");
        File.WriteAllBytes(native, [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0]);
        Assert.IsFalse(AppCallScanner.IsManagedAssembly(native));
        Assert.IsTrue(AppCallScanner.IsManagedAssembly(typeof(AppCallScannerTests).Assembly.Location));
    }

    [TestMethod]
    public void Finds_nothing_in_an_assembly_that_makes_no_such_call()
    {
        var calls = AppCallScanner.Scan(typeof(Slim.Build.Tasks.Files.ByteSize).Assembly.Location);
        Assert.IsFalse(calls.Any(c => c.Kind == AppCallScanner.TimeZone || c.Kind == AppCallScanner.SlimBuilder), string.Join(", ", calls));
    }

    [TestMethod]
    public void Finds_a_CreateSlimBuilder_call_into_another_assembly()
    {
        using var temp = new TempFolder();
        var calls = AppCallScanner.Scan(ManagedFixtures.WebApp(temp.Path));
        CollectionAssert.AreEqual(new[] { new RiskyCall(AppCallScanner.SlimBuilder, "Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder") }, calls.ToArray());
    }

    [TestMethod]
    public void A_CreateBuilder_call_is_not_a_slim_builder()
    {
        using var temp = new TempFolder();
        Assert.AreEqual(0, AppCallScanner.Scan(ManagedFixtures.WebApp(temp.Path, method: "CreateBuilder")).Count);
    }
}
