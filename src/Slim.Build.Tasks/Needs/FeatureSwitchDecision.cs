using Slim.Build.Tasks.Analysis;

namespace Slim.Build.Tasks.Needs;

/// <summary>A feature switch Slim would set to false, kept on because the code shows the app relies on it.</summary>
internal sealed record KeptSwitch(string Property, NeedEvidence Evidence);

/// <summary>
/// The aot and trimmed profiles turn off MetricsSupport, EventSourceSupport and HttpActivityPropagationSupport
/// for size. Each changes what an app does when something observes it: a MeterListener (OpenTelemetry) measures
/// nothing, an EventListener receives no event, an outgoing HTTP request loses its traceparent header (measured:
/// a trimmed app's counter read 7 without Slim and 0 with it). Where the app, its projects or its packages show
/// such an observer, the switch stays on, as InvariantGlobalization does for culture calls.
/// </summary>
internal static class FeatureSwitchDecision
{
    public const string Metrics = "MetricsSupport";
    public const string EventSource = "EventSourceSupport";
    public const string HttpActivityPropagation = "HttpActivityPropagationSupport";

    /// <param name="isWebApp">ASP.NET Core starts an Activity for each request, which HttpClient then propagates.</param>
    /// <param name="nativeAot">NativeAOT defaults EventSourceSupport to false itself (ILCompiler's targets): there Slim's switch changes nothing.</param>
    public static IReadOnlyList<KeptSwitch> Keep(IReadOnlyList<ScannedCall> calls, bool isWebApp, bool nativeAot)
    {
        var kept = new List<KeptSwitch>();
        if (calls.FirstOrDefault(c => c.Kind == AppCallScanner.Metrics) is { } metrics)
            kept.Add(new(Metrics, metrics.ToEvidence()));
        if (!nativeAot && calls.FirstOrDefault(c => c.Kind == AppCallScanner.EventListener
                || c.Kind == AppCallScanner.EventSource && c.Role != AssemblyRole.Package) is { } events)
            kept.Add(new(EventSource, events.ToEvidence()));
        var http = calls.FirstOrDefault(c => c.Kind == AppCallScanner.Tls && c.Member.StartsWith("System.Net.Http.", StringComparison.Ordinal)
            || c.Member.Contains("HttpClientFactory", StringComparison.Ordinal));
        var tracing = calls.FirstOrDefault(c => c.Kind == AppCallScanner.Tracing);
        if (http is not null && (isWebApp || tracing is not null))
            kept.Add(new(HttpActivityPropagation, tracing?.ToEvidence() ?? new NeedEvidence(http.Assembly, $"uses {http.Member} in a web app, whose requests carry an Activity")));
        return kept;
    }
}
