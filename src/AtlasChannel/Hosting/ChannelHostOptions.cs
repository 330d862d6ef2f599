using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration;

namespace AtlasChannel.Hosting;

/// <summary>
/// Process settings, read from the same environment variables as the Atlas Go service (plus <c>appsettings.json</c>
/// and the command line). Invalid values fail start-up with a message naming the key.
/// </summary>
public sealed record ChannelHostOptions
{
    /// <summary>Kafka bootstrap servers; empty = the embedded default (in-memory bus + sandbox peers).</summary>
    public string? BootstrapServers { get; init; }

    /// <summary>Default root of every REST peer (must end with '/'); per-peer overrides are <c>&lt;TOKEN&gt;_SERVICE_URL</c>.</summary>
    public string? BaseServiceUrl { get; init; }

    /// <summary>This instance's service-configuration id (a UUID).</summary>
    public Guid ServiceId { get; init; }

    /// <summary>Port of the service's own HTTP endpoint (health, metrics).</summary>
    public int RestPort { get; init; } = 8080;

    /// <summary>Where channel listeners bind. Atlas binds all interfaces; the configured ipAddress is only advertised.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Any;

    /// <summary>OTLP trace exporter endpoint (<c>JAEGER_HOST_PORT</c>, host:port); none = no export.</summary>
    public string? TracingEndpoint { get; init; }

    /// <summary>A local configuration file used instead of the CONFIGURATIONS service (<c>--config</c>).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>How long a login may wait for the account service's verdict before the client is disconnected.</summary>
    public TimeSpan LoginApprovalTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Per-request timeout for REST peers.</summary>
    public TimeSpan PeerTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Channel re-registration period (Atlas: fixed 10 s; the world service expires entries after 15 s).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest client packet body accepted; bigger headers end that connection.</summary>
    public int MaxPacketLength { get; init; } = 65535;

    /// <summary>Packets a session may have queued before it counts as not reading and is disconnected.</summary>
    public int OutboundQueueCapacity { get; init; } = 4096;

    /// <summary>Packet entries one flusher thread may have waiting before it refuses new ones and disconnects their recipients.</summary>
    public int OutboundInboxCapacity { get; init; } = Networking.FlushShard.DefaultInboxCapacity;

    /// <summary>
    /// 30 ms, not 20: at 2,000 players on two cores 20 ms made a third more socket writes, and the CPU they cost showed
    /// up as queueing (after warm-up p99 51–76 ms against 37–58 ms at 30 ms, six alternating pairs, bench/README-load.md);
    /// a lightly loaded channel pays up to 10 ms more at p99 (100 players: 32 against 21 ms).
    /// </summary>
    public const int DefaultFlushIntervalMs = 30;

    /// <summary>A session that sent less than this ago waits until the interval is up before its next socket write (0 = send at once).</summary>
    public TimeSpan OutboundFlushInterval { get; init; } = TimeSpan.FromMilliseconds(DefaultFlushIntervalMs);

    /// <summary>Dedicated threads that encrypt and send every session's queued packets (default: one per core).</summary>
    public int OutboundFlushThreads { get; init; } = DefaultFlushThreads;

    public static int DefaultFlushThreads => Math.Clamp(Environment.ProcessorCount, 1, 16);

    /// <summary>
    /// Flusher threads hand each round's socket writes to the kernel in one io_uring call (Linux; falls back to one
    /// send per session where io_uring is refused, e.g. under Docker's default seccomp profile).
    /// </summary>
    public bool OutboundIoUring { get; init; } = true;

    /// <summary>Sandbox REST port for the embedded default.</summary>
    public int SandboxPort { get; init; } = 8081;

    /// <summary>Channels per world the embedded default opens (ports 7575, 7576, …).</summary>
    public int SandboxChannels { get; init; } = 2;

    /// <summary>First channel port of the embedded default.</summary>
    public int SandboxFirstPort { get; init; } = 7575;

    public bool IsEmbedded => string.IsNullOrWhiteSpace(BootstrapServers);

    public static ChannelHostOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var embedded = string.IsNullOrWhiteSpace(configuration["BOOTSTRAP_SERVERS"]);
        var options = new ChannelHostOptions
        {
            BootstrapServers = configuration["BOOTSTRAP_SERVERS"],
            BaseServiceUrl = configuration["BASE_SERVICE_URL"],
            ServiceId = ReadServiceId(configuration, embedded, problems),
            RestPort = ReadInt(configuration, "REST_PORT", 8080, 0, 65535, problems),
            ListenAddress = ReadAddress(configuration, "LISTEN_ADDRESS", embedded ? IPAddress.Loopback : IPAddress.Any, problems),
            TracingEndpoint = configuration["JAEGER_HOST_PORT"],
            ConfigFile = configuration["config"] ?? configuration["CONFIG_FILE"],
            LoginApprovalTimeout = TimeSpan.FromMilliseconds(ReadInt(configuration, "LOGIN_APPROVAL_TIMEOUT_MS", 10_000, 100, 600_000, problems)),
            PeerTimeout = TimeSpan.FromMilliseconds(ReadInt(configuration, "PEER_TIMEOUT_MS", 5_000, 100, 600_000, problems)),
            HeartbeatInterval = TimeSpan.FromMilliseconds(ReadInt(configuration, "HEARTBEAT_INTERVAL_MS", 10_000, 100, 14_000, problems)),
            MaxPacketLength = ReadInt(configuration, "MAX_PACKET_LENGTH", 65535, 16, 65535, problems),
            OutboundQueueCapacity = ReadInt(configuration, "OUTBOUND_QUEUE_CAPACITY", 4096, 16, 1_000_000, problems),
            OutboundInboxCapacity = ReadInt(configuration, "OUTBOUND_INBOX_CAPACITY", Networking.FlushShard.DefaultInboxCapacity, 1024, 1 << 26, problems),
            OutboundFlushInterval = TimeSpan.FromMilliseconds(ReadInt(configuration, "OUTBOUND_FLUSH_INTERVAL_MS", DefaultFlushIntervalMs, 0, 1_000, problems)),
            OutboundFlushThreads = ReadInt(configuration, "OUTBOUND_FLUSH_THREADS", DefaultFlushThreads, 1, 64, problems),
            OutboundIoUring = ReadBool(configuration, "OUTBOUND_IO_URING", true, problems),
            SandboxPort = ReadInt(configuration, "SANDBOX_PORT", 8081, 0, 65535, problems),
            SandboxChannels = ReadInt(configuration, "SANDBOX_CHANNELS", 2, 1, 64, problems),
            SandboxFirstPort = ReadInt(configuration, "SANDBOX_FIRST_PORT", 7575, 1, 65515, problems),
        };

        if (!embedded && options.ConfigFile is null && string.IsNullOrWhiteSpace(options.BaseServiceUrl) && string.IsNullOrWhiteSpace(configuration["CONFIGURATIONS_SERVICE_URL"]))
            problems.Add("BASE_SERVICE_URL: required with BOOTSTRAP_SERVERS (or set CONFIGURATIONS_SERVICE_URL and the other <TOKEN>_SERVICE_URL roots, or --config)");
        if (options.BaseServiceUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && url.EndsWith('/')))
            problems.Add($"BASE_SERVICE_URL: '{url}' must be an absolute http(s) URL ending with '/'");

        return problems.Count == 0 ? options : throw new ConfigurationException(problems);
    }

    private static Guid ReadServiceId(IConfiguration configuration, bool embedded, List<string> problems)
    {
        var text = configuration["SERVICE_ID"];
        if (string.IsNullOrWhiteSpace(text))
        {
            if (!embedded)
                problems.Add("SERVICE_ID: required (the UUID of this channel service's configuration)");
            return Guid.Empty;
        }

        if (Guid.TryParse(text, out var id))
            return id;
        problems.Add($"SERVICE_ID: '{text}' is not a UUID");
        return Guid.Empty;
    }

    private static int ReadInt(IConfiguration configuration, string key, int fallback, int min, int max, List<string> problems)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        problems.Add($"{key}: '{text}' must be a whole number in {min}..{max}");
        return fallback;
    }

    private static bool ReadBool(IConfiguration configuration, string key, bool fallback, List<string> problems)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (bool.TryParse(text, out var value))
            return value;
        problems.Add($"{key}: '{text}' must be true or false");
        return fallback;
    }

    private static IPAddress ReadAddress(IConfiguration configuration, string key, IPAddress fallback, List<string> problems)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (IPAddress.TryParse(text, out var address))
            return address;
        problems.Add($"{key}: '{text}' is not an IP address");
        return fallback;
    }
}

/// <summary>Start-up configuration is invalid; the message lists every bad key.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException()
    {
    }

    public ConfigurationException(string message)
        : base(message)
    {
    }

    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ConfigurationException(IEnumerable<string> problems)
        : base("invalid configuration:\n  " + string.Join("\n  ", problems))
    {
    }
}
