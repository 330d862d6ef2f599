using System.Text.Json;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Movement;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;
using AtlasChannel.Tenancy;
using AtlasChannel.Tests.Field;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Movement;

public class CharacterMoveHandlerTests
{
    private const uint Henesys = 100000000;

    // field.md §7.1 example (fieldKey 1, crc 0x12345678, the path of common.md §6.5) plus the client's 9-byte trailer.
    private const string MovePacket = """
        01 78 56 34 12 64 00 C8 00 03 00 6E 00 C8 00 32 00 00 00 0C 00 04 96 00 01 B0 FF 70 FE 06 5A 00
        0F 8C 00 04 01 00 00 2C 01 00 00 0C 00 06 78 00
        00 11 22 33 44 55 66 77 88
        """;

    // field.md §7.2 example (character 12345) after the v83 opcode 0xB9 (u16 LE).
    private const string RelayedBody = """
        B9 00 39 30 00 00 64 00 C8 00 03 00 6E 00 C8 00 32 00 00 00 0C 00 04 96 00 01 B0 FF 70 FE 06 5A 00
        0F 8C 00 04 01 00 00 2C 01 00 00 0C 00 06 78 00
        """;

    private readonly SessionRegistry _registry = new();
    private readonly RecordingPublisher _publisher = new();

    [Fact]
    public async Task Others_in_the_field_get_the_spec_bytes_and_the_mover_and_other_fields_get_nothing()
    {
        var server = TestSessions.Server(TestSessions.TenantA);
        var mover = InField(server, 12345, Henesys);
        var other1 = InField(server, 2, Henesys);
        var other2 = InField(server, 3, Henesys);
        var elsewhere = InField(server, 4, 104000000);

        await Handle(mover, Hex.Bytes(MovePacket));

        Assert.Empty(TestSessions.Drain(mover));
        Assert.Empty(TestSessions.Drain(elsewhere));
        foreach (var other in new[] { other1, other2 })
            Assert.Equal(Hex.Normal(RelayedBody), Hex.Of(Assert.Single(TestSessions.Drain(other))));
    }

    [Fact]
    public async Task Sessions_of_another_tenant_in_the_same_world_channel_and_map_receive_nothing()
    {
        var a = TestSessions.Server(TestSessions.TenantA);
        var b = TestSessions.Server(TestSessions.TenantB, port: 7600);
        var mover = InField(a, 12345, Henesys);
        var sameTenant = InField(a, 2, Henesys);
        var otherTenant = InField(b, 2, Henesys);
        var otherTenantSameId = InField(b, 12345, Henesys);

        await Handle(mover, Hex.Bytes(MovePacket));

        Assert.Single(TestSessions.Drain(sameTenant));
        Assert.Empty(TestSessions.Drain(otherTenant));
        Assert.Empty(TestSessions.Drain(otherTenantSameId));
        var published = Assert.Single(_publisher.Published);
        Assert.Equal(TestSessions.TenantA, published.Tenant);
    }

    [Fact]
    public async Task The_session_position_and_the_command_carry_the_folded_final_position()
    {
        var server = TestSessions.Server(TestSessions.TenantA, world: 0, channel: 1);
        var mover = InField(server, 12345, Henesys);

        await Handle(mover, Hex.Bytes(MovePacket));

        Assert.Equal(new Protocol.Packets.Position(140, 260), mover.Position);
        Assert.Equal(6, mover.Stance);
        Assert.Equal(0, mover.Foothold);
        var published = Assert.Single(_publisher.Published);
        Assert.Equal(Topics.CommandCharacterMovement, published.Topic);
        Assert.Equal("3930000000000000", Convert.ToHexString(published.Key.Span));
        var command = Assert.IsType<MovementCommand>(published.Message);
        Assert.Equal(new MovementCommand { WorldId = 0, ChannelId = 1, MapId = Henesys, Instance = Guid.Empty, ObjectId = 12345, ObserverId = 12345, X = 140, Y = 260, Stance = 6 }, command);
    }

    [Fact]
    public void Command_json_matches_the_spec_example()
    {
        using var example = JsonDocument.Parse(File.ReadAllBytes(SpecFile("kafka/examples/COMMAND_TOPIC_CHARACTER_MOVEMENT__UNTYPED.json")));
        var server = TestSessions.Server(TestSessions.TenantA, world: 0, channel: 1);
        var session = TestSessions.Create(server);
        var map = new MapKey(TestSessions.TenantA.Id, 0, 1, Henesys, Guid.Empty);

        var command = CharacterMoveHandler.Command(session, map, 1000017, new MovementSummary(-95, 274, 4, 0));

        using var actual = JsonDocument.Parse(ContractRegistry.Default.Serialize(command));
        Assert.True(JsonElement.DeepEquals(example.RootElement.GetProperty("value"), actual.RootElement), actual.RootElement.GetRawText());
        Assert.Equal(example.RootElement.GetProperty("key").GetProperty("hex").GetString(), Convert.ToHexString(MessageKeys.Create(1000017)).ToLowerInvariant());
    }

    [Theory]
    [InlineData("01 78 56 34 12 64 00 C8 00 05 01 B0 FF 70 FE 06 5A 00")] // count 5, one fragment
    [InlineData("01 78 56 34 12 64 00 C8 00 01 17 00 00")] // command 23
    [InlineData("01 78 56")] // shorter than fieldKey + crc
    [InlineData("")]
    public async Task A_path_that_does_not_parse_is_dropped_without_relay_command_or_close(string hex)
    {
        var server = TestSessions.Server(TestSessions.TenantA);
        var mover = InField(server, 12345, Henesys);
        var other = InField(server, 2, Henesys);
        mover.UpdatePosition(new Protocol.Packets.Position(1, 2), 3, 4);

        await Handle(mover, Hex.Bytes(hex));

        Assert.Empty(TestSessions.Drain(other));
        Assert.Empty(_publisher.Published);
        Assert.False(mover.IsClosed);
        Assert.Equal(new Protocol.Packets.Position(1, 2), mover.Position);
    }

    [Fact]
    public async Task A_session_not_in_the_field_is_ignored()
    {
        var server = TestSessions.Server(TestSessions.TenantA);
        var anonymous = TestSessions.Create(server);
        _registry.Add(anonymous);
        await Handle(anonymous, Hex.Bytes(MovePacket));
        Assert.Empty(_publisher.Published);
    }

    private Session InField(ChannelServer server, int characterId, uint mapId)
    {
        var session = TestSessions.Create(server);
        _registry.Add(session);
        Assert.True(session.TryBeginLogin(characterId, characterId));
        Assert.True(_registry.TryClaim(session, characterId, characterId));
        Assert.True(_registry.EnterField(session, characterId, characterId, "c" + characterId, false, mapId));
        return session;
    }

    private async Task Handle(Session session, byte[] payload)
    {
        var handler = new CharacterMoveHandler(_registry, _publisher, NullLogger<CharacterMoveHandler>.Instance);
        var binding = session.Server.Opcodes.Handlers.Single(h => h.Handler == MovementPackets.MoveHandler);
        await handler.HandleAsync(new PacketContext(session, payload, binding), CancellationToken.None);
    }

    internal static string SpecFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "spec", relative);
            if (File.Exists(candidate))
                return candidate;
        }

        throw new FileNotFoundException("spec file not found above the test directory", relative);
    }

    private sealed class RecordingPublisher : ICommandPublisher
    {
        public List<(string Topic, ReadOnlyMemory<byte> Key, object Message, Tenant? Tenant)> Published { get; } = [];

        public Task<bool> PublishAsync(string topicToken, ReadOnlyMemory<byte> key, object message, Tenant? tenant, CancellationToken cancellationToken = default)
        {
            lock (Published)
                Published.Add((topicToken, key, message, tenant));
            return Task.FromResult(true);
        }
    }
}
