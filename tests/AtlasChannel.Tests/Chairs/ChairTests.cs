using AtlasChannel.Contracts;
using AtlasChannel.Features.Chairs;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Chat;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Chairs;

public class ChairTests
{
    private const int Sitter = 1000017;

    /// <summary>StatChanged 0x1F, exclRequest 1, no stats (field.md §13 "enable actions").</summary>
    private const string EnableActionsPacket = "1F00" + "01" + "00000000" + "00";

    private readonly ChatWorld _world = new();
    private readonly RecordingPublisher _publisher = new();

    private void AssertCommand(string example)
    {
        var (topic, key, message, tenant) = _publisher.Single();
        Assert.Equal(Topics.CommandChair, topic);
        Assert.Equal(Kit.ExampleKey(example), key);
        Assert.Equal(TestSessions.TenantA, tenant);
        Kit.SameJson(Kit.ExampleValue(example), message);
    }

    [Fact]
    public async Task Portable_chair_bytes_are_the_example_command()
    {
        var session = _world.Enter(_world.Channel1, Sitter, "Bob");
        await new ChairPortableHandler(new ChairCommands(_publisher), NullLogger<ChairPortableHandler>.Instance)
            .HandleAsync(Kit.Packet(session, "CharacterChairPortableHandle", "D0 ED 2D 00"), CancellationToken.None);
        AssertCommand("COMMAND_TOPIC_CHAIR__USE");
    }

    [Fact]
    public async Task An_item_that_is_no_chair_is_refused_with_enable_actions()
    {
        var session = _world.Enter(_world.Channel1, Sitter, "Bob");
        await new ChairPortableHandler(new ChairCommands(_publisher), NullLogger<ChairPortableHandler>.Instance)
            .HandleAsync(Kit.Packet(session, "CharacterChairPortableHandle", "80 84 1E 00"), CancellationToken.None); // 2000000
        Assert.Empty(_publisher.Published);
        Assert.Equal([EnableActionsPacket], ChatWorld.Received(session));
    }

    [Fact]
    public async Task Seat_bytes_are_the_fixed_example_command()
    {
        var session = _world.Enter(_world.Channel1, Sitter, "Bob");
        await new ChairInteractionHandler(new ChairCommands(_publisher), NullLogger<ChairInteractionHandler>.Instance)
            .HandleAsync(Kit.Packet(session, "CharacterChairInteractionHandle", "02 00"), CancellationToken.None);
        AssertCommand("COMMAND_TOPIC_CHAIR__USE__FIXED");
    }

    [Fact]
    public async Task Seat_minus_one_is_the_cancel_example_command()
    {
        var session = _world.Enter(_world.Channel1, Sitter, "Bob");
        await new ChairInteractionHandler(new ChairCommands(_publisher), NullLogger<ChairInteractionHandler>.Instance)
            .HandleAsync(Kit.Packet(session, "CharacterChairInteractionHandle", "FF FF"), CancellationToken.None);
        AssertCommand("COMMAND_TOPIC_CHAIR__CANCEL");
    }

    [Fact]
    public async Task Other_negative_seats_are_refused()
    {
        var session = _world.Enter(_world.Channel1, Sitter, "Bob");
        await new ChairInteractionHandler(new ChairCommands(_publisher), NullLogger<ChairInteractionHandler>.Instance)
            .HandleAsync(Kit.Packet(session, "CharacterChairInteractionHandle", "FE FF"), CancellationToken.None);
        Assert.Empty(_publisher.Published);
        Assert.Equal([EnableActionsPacket], ChatWorld.Received(session));
    }

    private (Session Self, Session Other, Session Elsewhere, Session OtherChannel, Session OtherTenant) Field() =>
        (_world.Enter(_world.Channel1, Sitter, "Bob"),
         _world.Enter(_world.Channel1, 1000023, "Roselyn"),
         _world.Enter(_world.Channel1, 1000031, "Far", ChatWorld.Ellinia),
         _world.Enter(_world.Channel2, 1000041, "Other"),
         _world.Enter(_world.Foreign, Sitter, "Bob"));

    [Fact]
    public async Task A_portable_chair_is_shown_to_the_others_and_unlocks_the_sitter()
    {
        var (self, other, elsewhere, otherChannel, otherTenant) = Field();
        await new ChairEvents(_world.Registry, NullLogger<ChairEvents>.Instance)
            .OnStatusAsync(Kit.Example<ChairStatusEvent<ChairCharacterBody>>("EVENT_TOPIC_CHAIR_STATUS__USED", TestSessions.TenantA), CancellationToken.None);
        Assert.Equal([EnableActionsPacket, "C400" + "51420F00" + "D0ED2D00", "", "", ""], ChatWorld.Received(self, other, elsewhere, otherChannel, otherTenant));
    }

    [Fact]
    public async Task A_fixed_seat_answers_only_the_sitter()
    {
        var (self, other, elsewhere, otherChannel, otherTenant) = Field();
        var value = Kit.ExampleValue("EVENT_TOPIC_CHAIR_STATUS__USED");
        value["chairType"] = "FIXED";
        value["chairId"] = 5;
        await new ChairEvents(_world.Registry, NullLogger<ChairEvents>.Instance)
            .OnStatusAsync(Kit.Consumed<ChairStatusEvent<ChairCharacterBody>>(Topics.EventChairStatus, value, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["CD00" + "010500", "", "", "", ""], ChatWorld.Received(self, other, elsewhere, otherChannel, otherTenant));
    }

    [Fact]
    public async Task Standing_up_answers_the_sitter_and_clears_the_chair_for_the_others()
    {
        var (self, other, elsewhere, otherChannel, otherTenant) = Field();
        await new ChairEvents(_world.Registry, NullLogger<ChairEvents>.Instance)
            .OnStatusAsync(Kit.Example<ChairStatusEvent<ChairCharacterBody>>("EVENT_TOPIC_CHAIR_STATUS__CANCELLED", TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["CD00" + "00", "C400" + "51420F00" + "00000000", "", "", ""], ChatWorld.Received(self, other, elsewhere, otherChannel, otherTenant));
    }

    [Fact]
    public async Task An_internal_error_unlocks_the_sitter()
    {
        var (self, other, _, _, otherTenant) = Field();
        await new ChairEvents(_world.Registry, NullLogger<ChairEvents>.Instance)
            .OnErrorAsync(Kit.Example<ChairStatusEvent<ChairErrorBody>>("EVENT_TOPIC_CHAIR_STATUS__ERROR", TestSessions.TenantA), CancellationToken.None);
        Assert.Equal([EnableActionsPacket, "", ""], ChatWorld.Received(self, other, otherTenant));
        Assert.False(self.IsClosed);
    }

    [Theory]
    [InlineData("ALREADY_SITING")]
    [InlineData("DOES_NOT_EXIT")]
    [InlineData("NOT_OWNED")]
    public async Task Any_other_error_destroys_only_the_sitters_session(string error)
    {
        var (self, other, _, _, otherTenant) = Field();
        var value = Kit.ExampleValue("EVENT_TOPIC_CHAIR_STATUS__ERROR");
        value["body"]!["type"] = error;
        await new ChairEvents(_world.Registry, NullLogger<ChairEvents>.Instance)
            .OnErrorAsync(Kit.Consumed<ChairStatusEvent<ChairErrorBody>>(Topics.EventChairStatus, value, TestSessions.TenantA), CancellationToken.None);
        Assert.True(self.IsClosed);
        Assert.False(other.IsClosed);
        Assert.False(otherTenant.IsClosed);
    }

    [Fact]
    public async Task A_chair_event_of_another_tenant_touches_only_that_tenant()
    {
        var (self, other, _, _, otherTenant) = Field();
        var value = Kit.ExampleValue("EVENT_TOPIC_CHAIR_STATUS__ERROR");
        value["body"]!["type"] = "NOT_OWNED";
        await new ChairEvents(_world.Registry, NullLogger<ChairEvents>.Instance)
            .OnErrorAsync(Kit.Consumed<ChairStatusEvent<ChairErrorBody>>(Topics.EventChairStatus, value, TestSessions.TenantB), CancellationToken.None);
        Assert.False(self.IsClosed);
        Assert.True(otherTenant.IsClosed);
        Assert.Equal(["", ""], ChatWorld.Received(self, other));
    }
}
