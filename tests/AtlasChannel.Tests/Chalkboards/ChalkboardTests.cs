using AtlasChannel.Contracts;
using AtlasChannel.Features.Chalkboards;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Chat;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Chalkboards;

public class ChalkboardTests
{
    private const int Owner = 1000017;
    private const string EnableActionsPacket = "1F00" + "01" + "00000000" + "00";

    private readonly ChatWorld _world = new();

    [Fact]
    public async Task Closing_the_chalkboard_is_the_clear_example_command()
    {
        var publisher = new RecordingPublisher();
        var session = _world.Enter(_world.Channel1, Owner, "Bob");
        await new ChalkboardCloseHandler(publisher, NullLogger<ChalkboardCloseHandler>.Instance)
            .HandleAsync(Kit.Packet(session, "ChalkboardCloseHandle", ""), CancellationToken.None);
        var (topic, key, message, tenant) = publisher.Single();
        Assert.Equal(Topics.CommandChalkboard, topic);
        Assert.Equal(Kit.ExampleKey("COMMAND_TOPIC_CHALKBOARD__CLEAR"), key);
        Assert.Equal(TestSessions.TenantA, tenant);
        Kit.SameJson(Kit.ExampleValue("COMMAND_TOPIC_CHALKBOARD__CLEAR"), message);
    }

    private (Session Owner, Session Other, Session Elsewhere, Session OtherChannel, Session OtherTenant) Field() =>
        (_world.Enter(_world.Channel1, Owner, "Bob"),
         _world.Enter(_world.Channel1, 1000023, "Roselyn"),
         _world.Enter(_world.Channel1, 1000031, "Far", ChatWorld.Ellinia),
         _world.Enter(_world.Channel2, 1000041, "Other"),
         _world.Enter(_world.Foreign, Owner, "Bob"));

    [Fact]
    public async Task A_chalkboard_is_shown_to_the_whole_field_including_its_owner()
    {
        var (owner, other, elsewhere, otherChannel, otherTenant) = Field();
        await new ChalkboardEvents(_world.Registry, NullLogger<ChalkboardEvents>.Instance)
            .OnSetAsync(Kit.Example<ChalkboardStatusEvent<ChalkboardSetBody>>("EVENT_TOPIC_CHALKBOARD_STATUS__SET", TestSessions.TenantA), CancellationToken.None);
        var expected = "A400" + "51420F00" + "01" + Kit.Str("Selling Zakum Helmet 10m");
        Assert.Equal([expected, expected, "", "", ""], ChatWorld.Received(owner, other, elsewhere, otherChannel, otherTenant));
    }

    [Fact]
    public async Task Chalkboard_packets_match_the_spec_examples()
    {
        var owner = _world.Enter(_world.Channel1, 12345, "Bob");
        var set = Kit.ExampleValue("EVENT_TOPIC_CHALKBOARD_STATUS__SET");
        set["characterId"] = 12345;
        set["body"]!["message"] = "hello";
        var events = new ChalkboardEvents(_world.Registry, NullLogger<ChalkboardEvents>.Instance);
        await events.OnSetAsync(Kit.Consumed<ChalkboardStatusEvent<ChalkboardSetBody>>(Topics.EventChalkboardStatus, set, TestSessions.TenantA), CancellationToken.None);
        var clear = Kit.ExampleValue("EVENT_TOPIC_CHALKBOARD_STATUS__CLEAR");
        clear["characterId"] = 12345;
        await events.OnClearAsync(Kit.Consumed<ChalkboardStatusEvent<EmptyBody>>(Topics.EventChalkboardStatus, clear, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["A400" + "39300000010500 68656C6C6F".Replace(" ", "", StringComparison.Ordinal) + " | A400" + "3930000000" + " | " + EnableActionsPacket], ChatWorld.Received(owner));
    }

    [Fact]
    public async Task Clearing_removes_it_for_the_field_and_unlocks_the_owner()
    {
        var (owner, other, elsewhere, otherChannel, otherTenant) = Field();
        await new ChalkboardEvents(_world.Registry, NullLogger<ChalkboardEvents>.Instance)
            .OnClearAsync(Kit.Example<ChalkboardStatusEvent<EmptyBody>>("EVENT_TOPIC_CHALKBOARD_STATUS__CLEAR", TestSessions.TenantA), CancellationToken.None);
        var removed = "A400" + "51420F00" + "00";
        Assert.Equal([removed + " | " + EnableActionsPacket, removed, "", "", ""], ChatWorld.Received(owner, other, elsewhere, otherChannel, otherTenant));
    }

    [Fact]
    public async Task Oversized_chalkboard_text_is_dropped()
    {
        var (owner, other, _, _, _) = Field();
        var value = Kit.ExampleValue("EVENT_TOPIC_CHALKBOARD_STATUS__SET");
        value["body"]!["message"] = new string('x', ChalkboardPackets.MaxMessageLength + 1);
        await new ChalkboardEvents(_world.Registry, NullLogger<ChalkboardEvents>.Instance)
            .OnSetAsync(Kit.Consumed<ChalkboardStatusEvent<ChalkboardSetBody>>(Topics.EventChalkboardStatus, value, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["", ""], ChatWorld.Received(owner, other));
    }
}
