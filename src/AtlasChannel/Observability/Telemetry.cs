using AtlasChannel.Hosting;
using AtlasChannel.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AtlasChannel.Observability;

/// <summary>
/// OpenTelemetry: traces from packet handling, messaging and HTTP (exported over OTLP when <c>JAEGER_HOST_PORT</c> is
/// set, as Atlas does) and metrics exposed for Prometheus at <c>/metrics</c>. Without an exporter no tracer is
/// registered at all: a tracer that records and drops would still build an <see cref="System.Diagnostics.Activity"/>
/// for every client packet and a <c>traceparent</c> header for every command (at 2,000 players, 10k moves a second).
/// </summary>
public static class Telemetry
{
    /// <summary>The packet-handling spans (<c>PacketDispatcher</c>).</summary>
    public const string PacketTracing = "AtlasChannel.Packets";

    /// <summary>
    /// The runtime's own meter (.NET 9+): GC collections, pause time, bytes allocated, heap sizes, thread-pool queue,
    /// lock contention. A gen0 collection pauses every thread, senders included, so its rate is a fan-out latency figure.
    /// </summary>
    public const string RuntimeMeter = "System.Runtime";

    public static IServiceCollection AddChannelTelemetry(this IServiceCollection services, ChannelHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var telemetry = services.AddOpenTelemetry();
        telemetry
            .ConfigureResource(resource => resource.AddService("atlas-channel", serviceInstanceId: options.ServiceId.ToString("D")))
            .WithMetrics(metrics => metrics
                .AddMeter(ChannelMetrics.MeterName, MessagingDiagnostics.Name, RuntimeMeter)
                .AddPrometheusExporter());
        if (string.IsNullOrWhiteSpace(options.TracingEndpoint))
            return services; // see the summary: no exporter, no tracer

        var endpoint = options.TracingEndpoint.Contains("://", StringComparison.Ordinal) ? options.TracingEndpoint : "http://" + options.TracingEndpoint;
        telemetry.WithTracing(tracing => tracing
            .AddSource(PacketTracing, MessagingDiagnostics.Name)
            .AddHttpClientInstrumentation()
            .AddOtlpExporter(otlp => otlp.Endpoint = new Uri(endpoint)));
        return services;
    }

    public static void MapChannelMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint("/metrics");
}
