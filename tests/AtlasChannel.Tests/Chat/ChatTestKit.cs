using System.Text;
using System.Text.Json.Nodes;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Chat;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Confluent.Kafka;

namespace AtlasChannel.Tests.Chat;

/// <summary>A channel process with sessions in several fields and tenants, plus the spec's Kafka examples.</summary>
internal sealed class ChatWorld
{
    public const uint Henesys = 100000000;
    public const uint Ellinia = 101000000;

    public SessionRegistry Registry { get; } = new();

    /// <summary>Tenant A, world 0, channel 1: the field of every spec example.</summary>
    public ChannelServer Channel1 { get; } = TestSessions.Server(TestSessions.TenantA, world: 0, channel: 1, port: 7576);

    public ChannelServer Channel2 { get; } = TestSessions.Server(TestSessions.TenantA, world: 0, channel: 2, port: 7577);

    /// <summary>Tenant B with the same world, channel and character ids.</summary>
    public ChannelServer Foreign { get; } = TestSessions.Server(TestSessions.TenantB, world: 0, channel: 1, port: 7600);

    private int _accounts;

    public Session Enter(ChannelServer server, int characterId, string name, uint mapId = Henesys, bool gm = false)
    {
        var session = TestSessions.Create(server);
        var account = Interlocked.Increment(ref _accounts);
        Registry.Add(session);
        Assert.True(session.TryBeginLogin(characterId, account));
        Assert.True(Registry.TryClaim(session, account, characterId));
        Assert.True(Registry.EnterField(session, account, characterId, name, gm, mapId));
        return session;
    }

    /// <summary>Drains every given session and returns, per session, the hex of what it got.</summary>
    public static string[] Received(params Session[] sessions) =>
        sessions.Select(s => string.Join(" | ", TestSessions.Drain(s).Select(b => Convert.ToHexString(b)))).ToArray();
}

internal sealed class RecordingPublisher : ICommandPublisher
{
    private readonly Lock _gate = new();

    public List<(string Topic, byte[] Key, object Message, Tenant? Tenant)> Published { get; } = [];

    public bool Succeeds { get; set; } = true;

    public Task<bool> PublishAsync(string topicToken, ReadOnlyMemory<byte> key, object message, Tenant? tenant, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            Published.Add((topicToken, key.ToArray(), message, tenant));
        return Task.FromResult(Succeeds);
    }

    public (string Topic, byte[] Key, object Message, Tenant? Tenant) Single()
    {
        lock (_gate)
            return Assert.Single(Published);
    }
}

internal sealed class FakeDirectory : IChatDirectory
{
    public Dictionary<uint, ChatCharacter> Characters { get; } = [];

    public bool Fails { get; set; }

    public int Calls { get; private set; }

    public Task<ChatCharacter?> ByIdAsync(Tenant tenant, uint characterId, CancellationToken cancellationToken)
    {
        Calls++;
        if (Fails)
            throw new Peers.PeerException("CHARACTERS", $"characters/{characterId}", "down");
        return Task.FromResult(Characters.GetValueOrDefault(characterId));
    }

    public Task<ChatCharacter?> ByNameAsync(Tenant tenant, string name, CancellationToken cancellationToken)
    {
        Calls++;
        if (Fails)
            throw new Peers.PeerException("CHARACTERS", "characters?name=" + name, "down");
        return Task.FromResult(Characters.Values.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)));
    }
}

internal static class Kit
{
    public static PacketContext Packet(Session session, string handler, string hex)
    {
        var binding = session.Server.Opcodes.Handlers.FirstOrDefault(b => b.Handler == handler)
            ?? new HandlerBinding(0xFFFF, handler, "LoggedInValidator", null);
        return new PacketContext(session, Hex.Bytes(hex), binding);
    }

    /// <summary>A spec string: uint16 LE length, then the ASCII bytes.</summary>
    public static string Str(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        return Convert.ToHexString(BitConverter.GetBytes((ushort)bytes.Length)) + Convert.ToHexString(bytes);
    }

    public static JsonNode ExampleValue(string file) =>
        JsonNode.Parse(File.ReadAllText(AtlasChannel.Testing.SpecFiles.Path("kafka", "examples", file + ".json")))!["value"]!.DeepClone();

    public static byte[] ExampleKey(string file) =>
        Convert.FromHexString(JsonNode.Parse(File.ReadAllText(AtlasChannel.Testing.SpecFiles.Path("kafka", "examples", file + ".json")))!["key"]!["hex"]!.GetValue<string>());

    /// <summary>Asserts the record serialises to exactly <paramref name="expected"/> (semantic JSON equality).</summary>
    public static void SameJson(JsonNode expected, object record)
    {
        var actual = JsonNode.Parse(ContractRegistry.Default.Serialize(record));
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected.ToJsonString()}\nactual   {actual?.ToJsonString()}");
    }

    /// <summary>Decodes a (possibly edited) example value as the bus would and wraps it for an event handler.</summary>
    public static ConsumedMessage<T> Consumed<T>(string topic, JsonNode value, Tenant tenant)
        where T : class
    {
        var decoded = ContractRegistry.Default.Decode(topic, Encoding.UTF8.GetBytes(value.ToJsonString()));
        Assert.Equal(DecodeStatus.Decoded, decoded.Status);
        var message = Assert.IsType<T>(decoded.Message);
        return new ConsumedMessage<T>(topic, decoded.Type, tenant, ReadOnlyMemory<byte>.Empty, new Headers(), message);
    }

    public static ConsumedMessage<T> Example<T>(string file, Tenant tenant)
        where T : class =>
        Consumed<T>(file[..file.IndexOf("__", StringComparison.Ordinal)], ExampleValue(file), tenant);
}
