using Slim.Build.Tasks.Analysis;
using Slim.Build.Tasks.Needs;

namespace Slim.Build.Tasks.Tests.Needs;

[TestClass]
public sealed class FeatureSwitchDecisionTests
{
    private static ScannedCall Use(string kind, string member, AssemblyRole role = AssemblyRole.App) => new("App.dll", role, kind, member);

    private static string[] Kept(bool web, bool aot, params ScannedCall[] calls) =>
        [.. FeatureSwitchDecision.Keep(calls, web, aot).Select(k => k.Property)];

    [TestMethod]
    public void Code_that_observes_nothing_keeps_nothing() =>
        CollectionAssert.AreEqual(Array.Empty<string>(), Kept(false, false, Use(AppCallScanner.Tls, "System.Net.Http.HttpClient"), Use(AppCallScanner.Culture, "x")));

    [TestMethod]
    public void A_meter_anywhere_keeps_metrics()
    {
        CollectionAssert.AreEqual(new[] { "MetricsSupport" }, Kept(false, false, Use(AppCallScanner.Metrics, "System.Diagnostics.Metrics.MeterListener", AssemblyRole.Package)));
        StringAssert.Contains(FeatureSwitchDecision.Keep([Use(AppCallScanner.Metrics, "System.Diagnostics.Metrics.Meter")], false, false).Single().Evidence.ToString(),
            "App.dll uses System.Diagnostics.Metrics.Meter");
    }

    [TestMethod]
    public void A_listener_or_the_apps_own_event_source_keeps_events_except_under_NativeAOT()
    {
        CollectionAssert.AreEqual(new[] { "EventSourceSupport" }, Kept(false, false, Use(AppCallScanner.EventSource, "System.Diagnostics.Tracing.EventSource")));
        CollectionAssert.AreEqual(new[] { "EventSourceSupport" }, Kept(false, false, Use(AppCallScanner.EventListener, "System.Diagnostics.Tracing.EventListener", AssemblyRole.Package)));
        CollectionAssert.AreEqual(Array.Empty<string>(), Kept(false, false, Use(AppCallScanner.EventSource, "System.Diagnostics.Tracing.EventSource", AssemblyRole.Package)),
            "a package's own EventSource with no listener: nothing in the app watches it");
        CollectionAssert.AreEqual(Array.Empty<string>(), Kept(false, true, Use(AppCallScanner.EventSource, "System.Diagnostics.Tracing.EventSource")));
    }

    [TestMethod]
    public void HttpClient_with_an_activity_or_in_a_web_app_keeps_trace_propagation()
    {
        var http = Use(AppCallScanner.Tls, "System.Net.Http.HttpClient");
        CollectionAssert.AreEqual(new[] { "HttpActivityPropagationSupport" }, Kept(false, false, http, Use(AppCallScanner.Tracing, "System.Diagnostics.ActivitySource")));
        CollectionAssert.AreEqual(new[] { "HttpActivityPropagationSupport" }, Kept(true, false, http));
        CollectionAssert.AreEqual(Array.Empty<string>(), Kept(false, false, http), "a console app with no Activity sends no traceparent");
        CollectionAssert.AreEqual(Array.Empty<string>(), Kept(true, false, Use(AppCallScanner.Tracing, "System.Diagnostics.Activity")), "no HttpClient: nothing to propagate");
    }
}
