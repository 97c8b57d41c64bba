using Slim.EndToEnd.Tests.Infrastructure;

namespace Slim.EndToEnd.Tests;

/// <summary>
/// The feature switches Slim keeps on for an app that observes itself change what the app prints when they are
/// off: this trimmed app counts 0 metrics and 0 events with MetricsSupport=false and EventSourceSupport=false
/// (measured: "measured 0|events 0"). Published through Slim it prints what the plain publish prints.
/// </summary>
[TestClass]
public sealed class ObservabilityNeedsTests
{
    private const string Program = """
        using System.Diagnostics.Metrics;
        using System.Diagnostics.Tracing;
        var meter = new Meter("slim.test");
        var counter = meter.CreateCounter<int>("hits");
        var seen = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => { if (instrument.Meter.Name == "slim.test") l.EnableMeasurementEvents(instrument); };
        listener.SetMeasurementEventCallback<int>((_, value, _, _) => seen += value);
        listener.Start();
        counter.Add(7);
        using var events = new CountingListener();
        AppEvents.Log.Hit();
        Console.WriteLine($"measured {seen}|events {events.Count}");

        [EventSource(Name = "Slim-Test")]
        sealed class AppEvents : EventSource
        {
            public static readonly AppEvents Log = new();
            public void Hit() => WriteEvent(1);
        }

        sealed class CountingListener : EventListener
        {
            public int Count;
            protected override void OnEventSourceCreated(EventSource source)
            {
                if (source.Name == "Slim-Test")
                    EnableEvents(source, EventLevel.Verbose);
            }
            protected override void OnEventWritten(EventWrittenEventArgs e)
            {
                if (e.EventSource.Name == "Slim-Test")
                    Count++;
            }
        }
        """;

    [TestMethod]
    public void A_trimmed_app_that_reads_its_metrics_and_events_prints_what_the_plain_publish_prints()
    {
        var plain = TestApp.Console("ObservePlain", SlimForm.None, "", "", Program);
        var plainPublish = plain.Publish();
        Assert.AreEqual(0, plainPublish.ExitCode, plainPublish.Describe());
        var reference = ProcessRunner.Run("dotnet", [Path.Combine(plainPublish.PublishDirectory, "ObservePlain.dll")], plain.Directory).Output.Trim();
        Assert.AreEqual("measured 7|events 1", reference, "the reference app itself misbehaves on this machine");

        var app = TestApp.Console("ObserveTrimmed", SlimForm.PackageReference,
            "<PublishTrimmed>true</PublishTrimmed><SelfContained>true</SelfContained><RuntimeIdentifier>linux-x64</RuntimeIdentifier>", "", Program);
        var result = app.Publish();

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        StringAssert.Contains(result.Output, "SLIM1091", "Slim says which switch it kept and why");
        var printed = ProcessRunner.Run(Path.Combine(result.PublishDirectory, app.Name), [], result.PublishDirectory).Output.Trim();
        Assert.AreEqual(reference, printed);
    }
}
