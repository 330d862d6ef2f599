using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using AtlasChannel.Testing;
using Microsoft.Extensions.Configuration;

namespace AtlasChannel.Tests.CashShop;

/// <summary>A REST peer answering from a route table ("accounts/1" or "path?query" → status + body); the rest is 404.</summary>
internal sealed class FakeRest : HttpMessageHandler, IHttpClientFactory
{
    private readonly ConcurrentDictionary<string, (HttpStatusCode Status, byte[] Body)> _routes = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Method, string Path, string Tenant)> Requests { get; } = new();

    public FakeRest Serve(string path, byte[] body, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes[path] = (status, body);
        return this;
    }

    public FakeRest Fail(string path, HttpStatusCode status = HttpStatusCode.InternalServerError) => Serve(path, [], status);

    public PeerHttp Http()
    {
        var roots = new PeerRoots(new ConfigurationBuilder().Build());
        roots.UseBase("http://peer.test/");
        return new PeerHttp(this, roots);
    }

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    public bool Requested(string pathPrefix) => Requests.Any(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.PathAndQuery.TrimStart('/');
        var tenant = request.Headers.TryGetValues("TENANT_ID", out var values) ? values.Single() : "";
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.Method.Method, path, tenant));
        LastBodies[request.Method.Method + " " + path] = body;
        return _routes.TryGetValue(path, out var route)
            ? new HttpResponseMessage(route.Status) { Content = new ByteArrayContent(route.Body) }
            : new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new ByteArrayContent([]) };
    }

    public ConcurrentDictionary<string, string> LastBodies { get; } = new(StringComparer.Ordinal);
}

/// <summary>Records published messages; answers <see cref="Result"/>.</summary>
internal sealed class RecordingPublisher : ICommandPublisher
{
    public ConcurrentQueue<(string Topic, byte[] Key, object Message, Tenant? Tenant)> Published { get; } = new();

    public bool Result { get; set; } = true;

    public Task<bool> PublishAsync(string topicToken, ReadOnlyMemory<byte> key, object message, Tenant? tenant, CancellationToken cancellationToken = default)
    {
        Published.Enqueue((topicToken, key.ToArray(), message, tenant));
        return Task.FromResult(Result);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal static class TestJson
{
    /// <summary>The <c>value</c> of a spec/kafka/examples file.</summary>
    public static JsonNode KafkaExampleValue(string name) =>
        JsonNode.Parse(File.ReadAllText(SpecFiles.Path("kafka", "examples", name + ".json")))!["value"]!;

    public static byte[] KafkaExampleKey(string name) =>
        Convert.FromHexString(JsonNode.Parse(File.ReadAllText(SpecFiles.Path("kafka", "examples", name + ".json")))!["key"]!["hex"]!.GetValue<string>());

    public static void AssertSameJson(JsonNode expected, object record)
    {
        var actual = JsonNode.Parse(Contracts.ContractRegistry.Default.Serialize(record));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual?.ToJsonString()}");
    }
}

internal static class InField
{
    /// <summary>A session logged in as <paramref name="characterId"/> in <paramref name="mapId"/>.</summary>
    public static Session Enter(SessionRegistry registry, ChannelServer server, int accountId, int characterId, uint mapId = 100000000, string name = "Atlas", int capacity = 64)
    {
        var session = Tests.Sessions.TestSessions.Create(server, capacity);
        registry.Add(session);
        Assert.True(session.TryBeginLogin(characterId, accountId));
        Assert.True(registry.TryClaim(session, accountId, characterId));
        Assert.True(registry.EnterField(session, accountId, characterId, name, gm: false, mapId));
        return session;
    }
}

/// <summary>Captures subscriptions so a test can deliver a decoded message straight to the handlers.</summary>
internal sealed class CaptureSubscriber : IMessageSubscriber
{
    private readonly List<(string Topic, Type Type, Delegate Handler)> _handlers = [];

    public IDisposable Subscribe<T>(string topicToken, Func<ConsumedMessage<T>, CancellationToken, ValueTask> handler)
        where T : class
    {
        _handlers.Add((topicToken, typeof(T), handler));
        return new Noop();
    }

    public async Task DeliverAsync<T>(string topic, Tenant tenant, T message)
        where T : class
    {
        var consumed = new ConsumedMessage<T>(topic, null, tenant, Array.Empty<byte>(), new Confluent.Kafka.Headers(), message);
        var matched = _handlers.Where(h => h.Topic == topic && h.Type == typeof(T)).ToList();
        Assert.NotEmpty(matched);
        foreach (var (_, _, handler) in matched)
            await ((Func<ConsumedMessage<T>, CancellationToken, ValueTask>)handler)(consumed, CancellationToken.None);
    }

    private sealed class Noop : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
