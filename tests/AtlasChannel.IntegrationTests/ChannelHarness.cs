using System.Globalization;
using AtlasChannel.Contracts;
using AtlasChannel.Features;
using AtlasChannel.Hosting;
using AtlasChannel.Messaging;
using AtlasChannel.Messaging.Kafka;
using AtlasChannel.Sandbox;
using AtlasChannel.Testing.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.IntegrationTests;

/// <summary>
/// The whole service in-process on real sockets: either the embedded default (in-memory bus + sandbox peers started
/// by the service itself) or Kafka mode against librdkafka's mock cluster over TCP, with the sandbox standing in for
/// the peer services on its own consumer group.
/// </summary>
internal sealed class ChannelHarness : IAsyncDisposable
{
    private readonly MockKafkaCluster? _cluster;
    private readonly SandboxPeers? _externalSandbox;
    private readonly KafkaMessageBus? _peerBus;
    private readonly ILoggerFactory? _peerLoggers;
    private bool _stopped;

    private ChannelHarness(ChannelApplication application, CommandRecorder recorder, int firstPort, MockKafkaCluster? cluster, SandboxPeers? sandbox, KafkaMessageBus? peerBus, ILoggerFactory? peerLoggers)
    {
        Application = application;
        Recorder = recorder;
        FirstPort = firstPort;
        _cluster = cluster;
        _externalSandbox = sandbox;
        _peerBus = peerBus;
        _peerLoggers = peerLoggers;
    }

    /// <summary>The harness runs with a small packet limit so an oversize header is cheap to send.</summary>
    public const int MaxPacketLength = 8192;

    public ChannelApplication Application { get; }

    public CommandRecorder Recorder { get; }

    public int FirstPort { get; }

    public int RestPort => Application.Options.RestPort;

    public SandboxPeers Sandbox => _externalSandbox ?? Application.Sandbox!;

    public static async Task<ChannelHarness> StartEmbeddedAsync(params string[] extraArgs)
    {
        var ports = Ports.FreeRange(3);
        var recorder = new CommandRecorder();
        string[] args =
        [
            $"--REST_PORT={ports + 2}", "--SANDBOX_PORT=0", $"--SANDBOX_FIRST_PORT={ports}", "--SANDBOX_CHANNELS=2",
            "--LOGIN_APPROVAL_TIMEOUT_MS=3000", "--LOG_LEVEL=warn", $"--MAX_PACKET_LENGTH={MaxPacketLength}", .. extraArgs,
        ];
        var application = await ChannelApplication.CreateAsync(args, services => services.AddSingleton<IEventHandlers>(recorder));
        await application.StartAsync();
        return new ChannelHarness(application, recorder, ports, null, null, null, null);
    }

    public static async Task<ChannelHarness> StartKafkaAsync()
    {
        var cluster = new MockKafkaCluster();
        foreach (var topic in Topics.All)
            cluster.CreateTopic(topic, partitions: 2);

        var ports = Ports.FreeRange(3);
        var sandboxOptions = new SandboxOptions { HttpPort = 0, FirstChannelPort = ports, ChannelCount = 2 };
        var loggers = LoggerFactory.Create(l => l.SetMinimumLevel(LogLevel.Warning));
        var peerMessaging = new MessagingOptions
        {
            BootstrapServers = cluster.BootstrapServers,
            ServiceId = "sandbox-peers",
            ServedTenants = [sandboxOptions.Tenant],
        };
        foreach (var (key, value) in FastGroupSettings)
            peerMessaging.ConsumerSettings[key] = value;
        var peerBus = new KafkaMessageBus(new SandboxContractRegistry(), peerMessaging, loggers);
        var sandbox = await SandboxPeers.StartAsync(sandboxOptions, peerBus, loggers, CancellationToken.None);

        // The recorder listens where the real account and session peers would: on the peers' consumer group.
        var recorder = new CommandRecorder();
        recorder.Subscribe(peerBus);
        await peerBus.StartAsync(CancellationToken.None);
        // Generous: the consumers' first group join is what takes long, and on a busy 2-core box 30 s was seen to time out.
        await peerBus.CaughtUp.WaitAsync(TimeSpan.FromSeconds(90));

        string[] args =
        [
            $"--BOOTSTRAP_SERVERS={cluster.BootstrapServers}",
            $"--SERVICE_ID={sandbox.ServiceId}",
            $"--BASE_SERVICE_URL={sandbox.BaseUrl}",
            $"--REST_PORT={ports + 2}",
            "--LISTEN_ADDRESS=127.0.0.1",
            "--LOGIN_APPROVAL_TIMEOUT_MS=5000",
            $"--MAX_PACKET_LENGTH={MaxPacketLength}",
            "--LOG_LEVEL=warn",
            .. FastGroupSettings.Select(s => $"--Kafka:Consumer:{s.Key}={s.Value}"),
        ];
        var application = await ChannelApplication.CreateAsync(args);
        await application.StartAsync();
        var readiness = application.Services.GetRequiredService<ReadinessState>();
        await readiness.ConsumerAssigned.WaitAsync(TimeSpan.FromSeconds(30));
        return new ChannelHarness(application, recorder, ports, cluster, sandbox, peerBus, loggers);
    }

    private static readonly (string Key, string Value)[] FastGroupSettings =
    [
        ("session.timeout.ms", "2000"),
        ("heartbeat.interval.ms", "200"),
    ];

    public async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var http = new HttpClient();
        return await http.GetAsync(new Uri($"http://127.0.0.1:{RestPort.ToString(CultureInfo.InvariantCulture)}{path}"));
    }

    public async Task StopAsync()
    {
        if (_stopped)
            return;
        _stopped = true;
        await Application.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Application.DisposeAsync();
        if (_peerBus is not null)
        {
            await _peerBus.StopAsync(CancellationToken.None);
            await _peerBus.DisposeAsync();
        }

        if (_externalSandbox is not null)
            await _externalSandbox.DisposeAsync();
        _cluster?.Dispose();
        _peerLoggers?.Dispose();
    }
}
