using System.Net;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Messaging.InMemory;
using AtlasChannel.Messaging.Kafka;
using AtlasChannel.Networking;
using AtlasChannel.Observability;
using AtlasChannel.Peers;
using AtlasChannel.Sandbox;
using AtlasChannel.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Hosting;

/// <summary>
/// Builds the whole service: options → (embedded default: in-memory bus + sandbox peers) → topology from
/// CONFIGURATIONS or a file → bus → Kestrel with the HTTP port and one raw-TCP listener per channel server.
/// Tests build it the same way with their own arguments.
/// </summary>
public sealed partial class ChannelApplication : IAsyncDisposable
{
    private readonly SandboxPeers? _sandbox;
    private readonly ILoggerFactory _earlyLoggers;
    private readonly IMessageBus _bus;

    private ChannelApplication(WebApplication app, ChannelHostOptions options, ChannelTopology topology, SandboxPeers? sandbox, ILoggerFactory earlyLoggers, IMessageBus bus)
    {
        _bus = bus;
        _earlyLoggers = earlyLoggers;
        App = app;
        Options = options;
        Topology = topology;
        _sandbox = sandbox;
    }

    public WebApplication App { get; }

    public ChannelHostOptions Options { get; }

    public ChannelTopology Topology { get; }

    public SandboxPeers? Sandbox => _sandbox;

    public IServiceProvider Services => App.Services;

    public static async Task<ChannelApplication> CreateAsync(string[] args, Action<IServiceCollection>? configureServices = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        ConfigureLogging(builder);
        var options = ChannelHostOptions.From(builder.Configuration);
        // Loggers for what exists before the container: the bus and the sandbox. They live as long as the application.
        var startupLoggers = LoggerFactory.Create(logging =>
        {
            logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
            logging.AddSimpleConsole(console => console.SingleLine = true);
            logging.SetMinimumLevel(MinimumLevel(builder.Configuration));
            logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        });
        var log = startupLoggers.CreateLogger<ChannelApplication>();

        // The sandbox publishes records only peers use (e.g. character LOGIN); on a shared in-memory bus the registry
        // must know them too.
        IContractRegistry registry = options.IsEmbedded ? new SandboxContractRegistry() : ContractRegistry.Default;
        var roots = new PeerRoots(builder.Configuration);
        SandboxPeers? sandbox = null;
        IMessageBus? bus = null;
        ChannelTopology topology;
        try
        {
            var serviceId = options.ServiceId;
            var messaging = new MessagingOptions { BootstrapServers = options.BootstrapServers ?? string.Empty };
            BindKafkaSettings(builder.Configuration, messaging);
            if (options.IsEmbedded)
            {
                var sandboxOptions = new SandboxOptions
                {
                    HttpPort = options.SandboxPort,
                    ChannelCount = options.SandboxChannels,
                    FirstChannelPort = options.SandboxFirstPort,
                    ChannelIpAddress = options.ListenAddress.Equals(IPAddress.Any) ? "127.0.0.1" : options.ListenAddress.ToString(),
                };
                messaging.ServiceId = sandboxOptions.ServiceId.ToString("D");
                messaging.ServedTenants = [sandboxOptions.Tenant];
                bus = new InMemoryMessageBus(registry, messaging, startupLoggers);
                sandbox = await SandboxPeers.StartAsync(sandboxOptions, bus, startupLoggers, cancellationToken);
                var sandboxUrl = sandbox.BaseUrl.ToString();
                roots.UseBase(sandboxUrl);
                serviceId = sandboxOptions.ServiceId;
                LogEmbedded(log, sandboxUrl);
            }

            topology = await LoadTopologyAsync(options, roots, serviceId, cancellationToken);
            if (bus is null)
            {
                messaging.ServiceId = topology.ServiceId.ToString("D");
                messaging.ServedTenants = [.. topology.Tenants.Select(t => t.Tenant)];
                bus = new KafkaMessageBus(registry, messaging, startupLoggers);
            }
        }
        catch
        {
            if (sandbox is not null)
                await sandbox.DisposeAsync();
            startupLoggers.Dispose();
            throw;
        }

        builder.Services.AddChannelService(options, topology, bus, roots);
        builder.Services.AddChannelTelemetry(options);
        configureServices?.Invoke(builder.Services);
        ConfigureListeners(builder, options, topology);

        var app = builder.Build();
        app.MapChannelHealth();
        app.MapChannelMetrics();
        var readiness = app.Services.GetRequiredService<ReadinessState>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        lifetime.ApplicationStarted.Register(readiness.MarkListenersBound);
        lifetime.ApplicationStarted.Register(() => LogListening(app.Services.GetRequiredService<ILogger<ChannelApplication>>(), topology, options));
        lifetime.ApplicationStopping.Register(() => app.Services.GetRequiredService<SessionDrain>().DrainAsync().GetAwaiter().GetResult());
        return new ChannelApplication(app, options, topology, sandbox, startupLoggers, bus);
    }

    public Task RunAsync(CancellationToken cancellationToken = default) => App.RunAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken = default) => App.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => App.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await _bus.DisposeAsync();
        if (_sandbox is not null)
            await _sandbox.DisposeAsync();
        _earlyLoggers.Dispose();
    }

    /// <summary>Raw librdkafka properties from configuration: <c>Kafka:Consumer:&lt;name&gt;</c> and <c>Kafka:Producer:&lt;name&gt;</c>.</summary>
    private static void BindKafkaSettings(ConfigurationManager configuration, MessagingOptions messaging)
    {
        foreach (var setting in configuration.GetSection("Kafka:Consumer").GetChildren())
        {
            if (setting.Value is not null)
                messaging.ConsumerSettings[setting.Key] = setting.Value;
        }

        foreach (var setting in configuration.GetSection("Kafka:Producer").GetChildren())
        {
            if (setting.Value is not null)
                messaging.ProducerSettings[setting.Key] = setting.Value;
        }
    }

    private static async Task<ChannelTopology> LoadTopologyAsync(ChannelHostOptions options, PeerRoots roots, Guid serviceId, CancellationToken cancellationToken)
    {
        if (options.ConfigFile is { } file)
        {
            if (!File.Exists(file))
                throw new ConfigurationException([$"config: file '{file}' not found"]);
            return TopologyLoader.FromFile(file, serviceId);
        }

        using var clients = new StartupHttpClientFactory(options.PeerTimeout);
        var peer = new ConfigurationPeer(new PeerHttp(clients, roots));
        return await TopologyLoader.FromServiceAsync(peer, serviceId, cancellationToken);
    }

    private static void ConfigureListeners(WebApplicationBuilder builder, ChannelHostOptions options, ChannelTopology topology)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.IsEmbedded ? IPAddress.Loopback : IPAddress.Any, options.RestPort);
            foreach (var server in topology.Servers)
            {
                kestrel.Listen(options.ListenAddress, server.Port, listen =>
                {
                    var services = listen.ApplicationServices;
                    var handler = new ChannelConnectionHandler(
                        server,
                        services.GetRequiredService<Sessions.SessionRegistry>(),
                        services.GetRequiredService<Handlers.PacketDispatcher>(),
                        services.GetRequiredService<ISessionLifecycle>(),
                        services.GetRequiredService<ChannelMetrics>(),
                        services.GetRequiredService<ConnectionLimits>(),
                        services.GetRequiredService<TimeProvider>(),
                        services.GetRequiredService<ILoggerFactory>().CreateLogger("AtlasChannel.Sessions"),
                        services.GetRequiredService<OutboundFlusher>());
                    var stopping = services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                    listen.Run(connection => handler.HandleAsync(connection, stopping));
                });
            }
        });
    }

    private static void ConfigureLogging(WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.SetMinimumLevel(MinimumLevel(builder.Configuration));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
    }

    /// <summary>LOG_LEVEL as Atlas spells it (debug, info, warn, error) or a .NET level name.</summary>
    private static LogLevel MinimumLevel(ConfigurationManager configuration) => configuration["LOG_LEVEL"]?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "PANIC" or "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    private static void LogListening(ILogger logger, ChannelTopology topology, ChannelHostOptions options)
    {
        var address = options.ListenAddress.ToString();
        foreach (var server in topology.Servers)
        {
            var version = server.Version.ToString();
            LogChannel(logger, version, server.WorldId, server.ChannelId, address, server.Port);
        }

        LogHttp(logger, options.RestPort);
        if (options.IsEmbedded)
        {
            var port = topology.Servers.First().Port;
            LogHowToConnect(logger, port);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded default: no BOOTSTRAP_SERVERS, so in-memory messaging and sandbox peers at {BaseUrl}")]
    private static partial void LogEmbedded(ILogger logger, string baseUrl);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Version} world {World} channel {Channel} listening on {Address}:{Port}")]
    private static partial void LogChannel(ILogger logger, string version, byte world, byte channel, string address, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP (health, metrics) on port {Port}: /health/live, /health/ready, /metrics")]
    private static partial void LogHttp(ILogger logger, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connect a bot: dotnet run --project tools/AtlasChannel.Tool -- bot --port {Port} --character 1 --stay 5   (characters 1 and 2 may log in; 3 is refused)")]
    private static partial void LogHowToConnect(ILogger logger, int port);
}
