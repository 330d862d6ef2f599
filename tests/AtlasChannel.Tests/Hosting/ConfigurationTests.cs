using AtlasChannel.Hosting;
using AtlasChannel.Peers;
using AtlasChannel.Tenancy;
using Microsoft.Extensions.Configuration;

namespace AtlasChannel.Tests.Hosting;

public class ConfigurationTests
{
    [Fact]
    public void No_bootstrap_servers_means_the_embedded_default_on_loopback()
    {
        var options = ChannelHostOptions.From(Config());
        Assert.True(options.IsEmbedded);
        Assert.Equal(System.Net.IPAddress.Loopback, options.ListenAddress);
        Assert.Equal(8080, options.RestPort);
    }

    [Fact]
    public void Outbound_pacing_defaults_to_thirty_milliseconds_and_can_be_turned_off()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(30), ChannelHostOptions.From(Config()).OutboundFlushInterval);
        Assert.Equal(TimeSpan.Zero, ChannelHostOptions.From(Config(("OUTBOUND_FLUSH_INTERVAL_MS", "0"))).OutboundFlushInterval);
        var ex = Assert.Throws<ConfigurationException>(() => ChannelHostOptions.From(Config(("OUTBOUND_FLUSH_INTERVAL_MS", "-1"))));
        Assert.Contains("OUTBOUND_FLUSH_INTERVAL_MS", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flusher_threads_default_to_one_per_core_and_are_bounded()
    {
        Assert.Equal(Math.Clamp(Environment.ProcessorCount, 1, 16), ChannelHostOptions.From(Config()).OutboundFlushThreads);
        Assert.Equal(3, ChannelHostOptions.From(Config(("OUTBOUND_FLUSH_THREADS", "3"))).OutboundFlushThreads);
        var ex = Assert.Throws<ConfigurationException>(() => ChannelHostOptions.From(Config(("OUTBOUND_FLUSH_THREADS", "0"))));
        Assert.Contains("OUTBOUND_FLUSH_THREADS", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Io_uring_sends_are_on_by_default_and_can_be_switched_off()
    {
        Assert.True(ChannelHostOptions.From(Config()).OutboundIoUring);
        Assert.False(ChannelHostOptions.From(Config(("OUTBOUND_IO_URING", "false"))).OutboundIoUring);
        Assert.True(ChannelHostOptions.From(Config(("OUTBOUND_IO_URING", "True"))).OutboundIoUring);
        var ex = Assert.Throws<ConfigurationException>(() => ChannelHostOptions.From(Config(("OUTBOUND_IO_URING", "sometimes"))));
        Assert.Contains("OUTBOUND_IO_URING: 'sometimes' must be true or false", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Outbound_inbox_capacity_defaults_to_a_million_entries_and_rejects_values_outside_its_range()
    {
        Assert.Equal(1 << 20, ChannelHostOptions.From(Config()).OutboundInboxCapacity);
        Assert.Equal(4096, ChannelHostOptions.From(Config(("OUTBOUND_INBOX_CAPACITY", "4096"))).OutboundInboxCapacity);
        var ex = Assert.Throws<ConfigurationException>(() => ChannelHostOptions.From(Config(("OUTBOUND_INBOX_CAPACITY", "16"))));
        Assert.Contains("OUTBOUND_INBOX_CAPACITY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_bad_key_is_named()
    {
        var ex = Assert.Throws<ConfigurationException>(() => ChannelHostOptions.From(Config(
            ("BOOTSTRAP_SERVERS", "kafka:9092"), ("SERVICE_ID", "not-a-uuid"), ("REST_PORT", "99999"), ("BASE_SERVICE_URL", "http://x/api"))));
        Assert.Contains("SERVICE_ID", ex.Message, StringComparison.Ordinal);
        Assert.Contains("REST_PORT", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BASE_SERVICE_URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Kafka_mode_requires_a_service_id_and_peer_roots()
    {
        var ex = Assert.Throws<ConfigurationException>(() => ChannelHostOptions.From(Config(("BOOTSTRAP_SERVERS", "kafka:9092"))));
        Assert.Contains("SERVICE_ID: required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BASE_SERVICE_URL: required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Peer_roots_prefer_the_token_variable_even_when_empty()
    {
        var roots = new PeerRoots(Config(("BASE_SERVICE_URL", "http://ingress/api/"), ("CHARACTERS_SERVICE_URL", "http://atlas-character:8080/api/")));
        Assert.Equal("http://atlas-character:8080/api/characters/1", roots.Resolve(PeerRoots.Characters, "characters/1").ToString());
        Assert.Equal("http://ingress/api/accounts/", roots.Resolve(PeerRoots.Accounts, "accounts/").ToString());
    }

    [Fact]
    public void Service_configuration_example_parses_into_listeners()
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(AtlasChannel.Testing.SpecFiles.Path("rest", "examples", "configurations.service.json")));
        var service = ConfigurationPeer.ParseService(document.RootElement.GetProperty("data").GetProperty("attributes"));
        var tenant = Assert.Single(service.Tenants);
        Assert.Equal(Guid.Parse("083839c6-c47c-42a6-9585-76492795d123"), tenant.Id);
        Assert.Equal("192.168.23.232", tenant.IpAddress);
        Assert.Equal([(byte)0, (byte)1], tenant.Worlds.Single().Channels.Select(c => c.ChannelId));
        Assert.Equal([8301, 8302], tenant.Worlds.Single().Channels.Select(c => c.Port));
        Assert.Contains(service.Tasks, t => t.Type == "timeout");
    }

    [Fact]
    public void A_local_file_can_stand_in_for_the_configuration_service()
    {
        var path = Path.Combine(Path.GetTempPath(), $"atlas-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {
              "tasks": [{ "type": "timeout", "interval": 5000, "duration": 60000 }],
              "tenants": [{
                "id": "083839c6-c47c-42a6-9585-76492795d123", "ipAddress": "10.0.0.5", "template": "template_gms_83_1.json",
                "worlds": [{ "id": 1, "channels": [{ "id": 0, "port": 9000 }, { "id": 1, "port": 9001 }] }]
              }]
            }
            """);
        try
        {
            var topology = TopologyLoader.FromFile(path, Guid.Empty);
            var servers = topology.Servers.ToList();
            Assert.Equal([9000, 9001], servers.Select(s => s.Port));
            Assert.All(servers, s => Assert.Equal("GMS 83.1", s.Version.ToString()));
            Assert.Equal(TimeSpan.FromMinutes(1), topology.SessionTimeout.IdleLimit);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_configuration_without_the_timeout_task_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"atlas-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"tasks": [], "tenants": []}""");
        try
        {
            var ex = Assert.Throws<InvalidDataException>(() => TopologyLoader.FromFile(path, Guid.Empty));
            Assert.Contains("timeout", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
