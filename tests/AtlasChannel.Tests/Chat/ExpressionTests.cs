using AtlasChannel.Contracts;
using AtlasChannel.Features.Chat;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Chat;

public class ExpressionTests
{
    private const int Sender = 1000017;

    private readonly ChatWorld _world = new();
    private readonly RecordingPublisher _publisher = new();

    [Fact]
    public async Task Emote_bytes_are_the_example_command()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await new ExpressionHandler(_publisher, NullLogger<ExpressionHandler>.Instance)
            .HandleAsync(Kit.Packet(session, "CharacterExpressionHandle", "04 00 00 00"), CancellationToken.None);
        var (topic, key, message, tenant) = _publisher.Single();
        Assert.Equal(Topics.CommandExpression, topic);
        Assert.Equal(Kit.ExampleKey("COMMAND_TOPIC_EXPRESSION__UNTYPED"), key);
        Assert.Equal(TestSessions.TenantA, tenant);
        Kit.SameJson(Kit.ExampleValue("COMMAND_TOPIC_EXPRESSION__UNTYPED"), message);
    }

    [Theory]
    [InlineData("00 00 00 00")]
    [InlineData("17 00 00 00")] // 0x17 is v95's; the v83 client stops at 0x16
    [InlineData("FF FF FF FF")]
    public async Task Emotes_the_client_cannot_send_are_ignored(string payload)
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await new ExpressionHandler(_publisher, NullLogger<ExpressionHandler>.Instance)
            .HandleAsync(Kit.Packet(session, "CharacterExpressionHandle", payload), CancellationToken.None);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task Expression_goes_to_the_others_in_the_field_only()
    {
        var self = _world.Enter(_world.Channel1, Sender, "Bob");
        var other = _world.Enter(_world.Channel1, 1000023, "Roselyn");
        var elsewhere = _world.Enter(_world.Channel1, 1000031, "Far", ChatWorld.Ellinia);
        var otherChannel = _world.Enter(_world.Channel2, 1000041, "Other");
        var otherTenant = _world.Enter(_world.Foreign, 1000023, "Roselyn");

        await new ExpressionEvents(_world.Registry).OnExpressionAsync(Kit.Example<ExpressionEvent>("EVENT_TOPIC_EXPRESSION__UNTYPED", TestSessions.TenantA), CancellationToken.None);

        Assert.Equal(["", "C100" + "51420F00" + "04000000", "", "", ""], ChatWorld.Received(self, other, elsewhere, otherChannel, otherTenant));
    }

    [Fact]
    public async Task Expression_packet_matches_the_spec_example()
    {
        var other = _world.Enter(_world.Channel1, 1000023, "Roselyn");
        var value = Kit.ExampleValue("EVENT_TOPIC_EXPRESSION__UNTYPED");
        value["characterId"] = 12345;
        value["expression"] = 3;
        await new ExpressionEvents(_world.Registry).OnExpressionAsync(Kit.Consumed<ExpressionEvent>(Topics.EventExpression, value, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["C100" + "3930000003000000"], ChatWorld.Received(other));
    }
}
