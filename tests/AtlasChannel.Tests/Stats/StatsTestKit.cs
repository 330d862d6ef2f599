using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Testing;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Configuration;

namespace AtlasChannel.Tests.Stats;

/// <summary>Sessions in fields, a fake CHARACTERS peer, a capturing subscriber and publisher, spec example loading.</summary>
internal sealed class StatsTestKit
{
    public SessionRegistry Registry { get; } = new();

    public StubPeers Peers { get; } = new();

    public CharacterPeer Characters { get; }

    public Features.Stats.PartyPeer Parties { get; }

    public StatsTestKit()
    {
        var roots = new PeerRoots(new ConfigurationBuilder().Build());
        roots.UseBase("http://peers.test/api/");
        Characters = new CharacterPeer(new PeerHttp(Peers, roots));
        Parties = new Features.Stats.PartyPeer(new PeerHttp(Peers, roots));
    }

    /// <summary>A session in field <paramref name="mapId"/> as <paramref name="characterId"/> on (tenant, world, channel).</summary>
    public Session InField(Tenant tenant, int characterId, uint mapId = 100000000, byte world = 0, byte channel = 1)
    {
        var session = TestSessions.Create(TestSessions.Server(tenant, world, channel));
        Registry.Add(session);
        Assert.True(session.TryBeginLogin(characterId, characterId + 10));
        Assert.True(Registry.TryClaim(session, characterId + 10, characterId));
        Assert.True(Registry.EnterField(session, characterId + 10, characterId, "c" + characterId, false, mapId));
        return session;
    }

    /// <summary>The <c>value</c> of a spec Kafka example.</summary>
    public static JsonNode ExampleValue(string name) =>
        JsonNode.Parse(File.ReadAllText(SpecFiles.Path("kafka", "examples", name + ".json")))!["value"]!;

    public static string ExampleKeyHex(string name) =>
        JsonNode.Parse(File.ReadAllText(SpecFiles.Path("kafka", "examples", name + ".json")))!["key"]!["hex"]!.GetValue<string>();

    /// <summary>Decodes a JSON value through the contract registry, as the bus would.</summary>
    public static T Decode<T>(string topic, JsonNode value)
        where T : class
    {
        var result = ContractRegistry.Default.Decode(topic, Encoding.UTF8.GetBytes(value.ToJsonString()));
        Assert.Equal(DecodeStatus.Decoded, result.Status);
        return Assert.IsType<T>(result.Message);
    }

    public static string CharacterJson(int id, string name, string attributes) =>
        "{\"data\":{\"type\":\"characters\",\"id\":\"" + id.ToString(System.Globalization.CultureInfo.InvariantCulture) +
        "\",\"attributes\":{\"accountId\":1,\"worldId\":0,\"name\":\"" + name + "\"," + attributes + "}}}";

    public static string Hex(List<byte[]> packets) => string.Join(" | ", packets.Select(Convert.ToHexString));
}

/// <summary>Serves fixed JSON per request path ("characters/1"); anything else is 404. Counts requests.</summary>
internal sealed class StubPeers : HttpMessageHandler, IHttpClientFactory
{
    private readonly ConcurrentDictionary<string, string> _bodies = new();
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyCollection<string> Requests => _requests;

    public void Serve(string path, string json) => _bodies[path] = json;

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(request.RequestUri!.PathAndQuery)["/api/".Length..];
        _requests.Enqueue(path);
        var response = _bodies.TryGetValue(path, out var body)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
        return Task.FromResult(response);
    }
}

/// <summary>Keeps the handlers a feature subscribes and delivers messages to them as the bus would.</summary>
internal sealed class CapturingSubscriber : IMessageSubscriber
{
    private readonly Dictionary<(string Topic, Type Type), Delegate> _handlers = [];

    public IDisposable Subscribe<T>(string topicToken, Func<ConsumedMessage<T>, CancellationToken, ValueTask> handler)
        where T : class
    {
        _handlers.Add((topicToken, typeof(T)), handler);
        return new Subscription();
    }

    public ValueTask DeliverAsync<T>(string topicToken, Tenant tenant, T message)
        where T : class
    {
        var handler = (Func<ConsumedMessage<T>, CancellationToken, ValueTask>)_handlers[(topicToken, typeof(T))];
        return handler(new ConsumedMessage<T>(topicToken, null, tenant, MessageKeys.Create(1), new Confluent.Kafka.Headers(), message), CancellationToken.None);
    }

    private sealed class Subscription : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

internal sealed record Published(string Topic, byte[] Key, object Message, Tenant? Tenant);

internal sealed class CapturingPublisher : ICommandPublisher
{
    public List<Published> Messages { get; } = [];

    public Task<bool> PublishAsync(string topicToken, ReadOnlyMemory<byte> key, object message, Tenant? tenant, CancellationToken cancellationToken = default)
    {
        Messages.Add(new Published(topicToken, key.ToArray(), message, tenant));
        return Task.FromResult(true);
    }
}
