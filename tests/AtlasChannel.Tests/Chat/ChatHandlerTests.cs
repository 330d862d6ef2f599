using AtlasChannel.Contracts;
using AtlasChannel.Features.Chat;
using AtlasChannel.Messaging;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Sessions;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Chat;

public class ChatHandlerTests
{
    private const int Sender = 1000017;

    private readonly ChatWorld _world = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly FakeDirectory _directory = new();

    private ChatGeneralHandler General() => new(new ChatCommands(_publisher), NullLogger<ChatGeneralHandler>.Instance);

    private ChatMultiHandler Multi() => new(new ChatCommands(_publisher), NullLogger<ChatMultiHandler>.Instance);

    private ChatWhisperHandler Whisper() => new(new ChatCommands(_publisher), _directory, _world.Registry, NullLogger<ChatWhisperHandler>.Instance);

    private void AssertCommand(string example, Action<System.Text.Json.Nodes.JsonNode>? edit = null)
    {
        var (topic, key, message, tenant) = _publisher.Single();
        Assert.Equal(Topics.CommandCharacterChat, topic);
        Assert.Equal(Kit.ExampleKey(example), key);
        Assert.Equal(TestSessions.TenantA, tenant);
        var expected = Kit.ExampleValue(example);
        edit?.Invoke(expected);
        Kit.SameJson(expected, message);
    }

    [Fact]
    public async Task General_chat_from_the_spec_bytes_is_the_example_command()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await General().HandleAsync(Kit.Packet(session, "CharacterChatGeneralHandle", "05 00 68 65 6C 6C 6F 00"), CancellationToken.None);
        AssertCommand("COMMAND_TOPIC_CHARACTER_CHAT__GENERAL", v => v["message"] = "hello");
    }

    [Fact]
    public async Task General_chat_carries_balloon_only()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await General().HandleAsync(Kit.Packet(session, "CharacterChatGeneralHandle", Kit.Str("hello henesys") + "01"), CancellationToken.None);
        AssertCommand("COMMAND_TOPIC_CHARACTER_CHAT__GENERAL", v => v["body"]!["balloonOnly"] = true);
    }

    [Fact]
    public async Task General_chat_on_v87_skips_the_update_time()
    {
        var v87 = TestSessions.Server(new Tenant(TestSessions.TenantA.Id, "GMS", 87, 1), world: 0, channel: 1, port: 7590);
        var session = _world.Enter(v87, Sender, "Bob");
        await General().HandleAsync(Kit.Packet(session, "CharacterChatGeneralHandle", "11223344" + Kit.Str("hello henesys") + "00"), CancellationToken.None);
        var (_, _, message, tenant) = _publisher.Single();
        var chat = Assert.IsType<ChatMessage<ChatGeneralBody>>(message);
        Assert.Equal("hello henesys", chat.Message);
        Assert.Equal(87, tenant!.Value.Major);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(ChatPackets.MaxMessageLength + 1)]
    public async Task General_chat_that_is_empty_or_too_long_is_not_sent(int length)
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await General().HandleAsync(Kit.Packet(session, "CharacterChatGeneralHandle", Kit.Str(new string('a', length)) + "00"), CancellationToken.None);
        Assert.Empty(_publisher.Published);
        Assert.False(session.IsClosed);
    }

    [Fact]
    public async Task Longest_allowed_general_chat_is_sent()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await General().HandleAsync(Kit.Packet(session, "CharacterChatGeneralHandle", Kit.Str(new string('a', ChatPackets.MaxMessageLength)) + "00"), CancellationToken.None);
        Assert.Single(_publisher.Published);
    }

    [Fact]
    public async Task Truncated_general_chat_throws_a_read_error_for_the_dispatcher_to_drop()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await Assert.ThrowsAsync<PacketReadException>(async () =>
            await General().HandleAsync(Kit.Packet(session, "CharacterChatGeneralHandle", "05 00 68 65"), CancellationToken.None));
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task Group_chat_from_the_spec_bytes_is_a_party_command()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await Multi().HandleAsync(Kit.Packet(session, "CharacterMultiChatHandle", "01 02 E8 03 00 00 E9 03 00 00 02 00 68 69"), CancellationToken.None);
        AssertCommand("COMMAND_TOPIC_CHARACTER_CHAT__PARTY", v =>
        {
            v["message"] = "hi";
            v["body"]!["recipients"] = new System.Text.Json.Nodes.JsonArray(1000, 1001);
        });
    }

    [Theory]
    [InlineData("00", "COMMAND_TOPIC_CHARACTER_CHAT__BUDDY")]
    [InlineData("01", "COMMAND_TOPIC_CHARACTER_CHAT__PARTY")]
    [InlineData("02", "COMMAND_TOPIC_CHARACTER_CHAT__GUILD")]
    [InlineData("03", "COMMAND_TOPIC_CHARACTER_CHAT__ALLIANCE")]
    public async Task Each_group_chat_type_is_its_example_command(string chatType, string example)
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        var expected = Kit.ExampleValue(example);
        var recipients = expected["body"]!["recipients"]!.AsArray().Select(n => n!.GetValue<uint>()).ToArray();
        var payload = chatType + recipients.Length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)
            + string.Concat(recipients.Select(r => Convert.ToHexString(BitConverter.GetBytes(r))))
            + Kit.Str(expected["message"]!.GetValue<string>());
        await Multi().HandleAsync(Kit.Packet(session, "CharacterMultiChatHandle", payload), CancellationToken.None);
        AssertCommand(example);
    }

    [Fact]
    public async Task Group_chat_of_an_unknown_type_is_ignored()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await Multi().HandleAsync(Kit.Packet(session, "CharacterMultiChatHandle", "04 01 E8 03 00 00 02 00 68 69"), CancellationToken.None);
        Assert.Empty(_publisher.Published);
    }

    [Fact]
    public async Task The_old_group_chat_name_is_an_alias()
    {
        var alias = new ChatMultiAliasHandler(Multi());
        Assert.Equal("CharacterChatMultiHandle", alias.Name);
        var session = _world.Enter(_world.Channel1, Sender, "Bob");
        await alias.HandleAsync(Kit.Packet(session, alias.Name, "01 02 E8 03 00 00 E9 03 00 00 02 00 68 69"), CancellationToken.None);
        Assert.Single(_publisher.Published);
    }

    [Fact]
    public async Task Whisper_from_the_spec_bytes_is_the_example_command()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Atlas");
        await Whisper().HandleAsync(Kit.Packet(session, "CharacterChatWhisperHandle", "06 03 00 42 6F 62 02 00 68 69"), CancellationToken.None);
        AssertCommand("COMMAND_TOPIC_CHARACTER_CHAT__WHISPER", v =>
        {
            v["message"] = "hi";
            v["body"]!["recipientName"] = "Bob";
        });
        Assert.Empty(TestSessions.Drain(session));
    }

    [Fact]
    public async Task Whisper_example_bytes_are_the_example_command()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Atlas");
        await Whisper().HandleAsync(Kit.Packet(session, "CharacterChatWhisperHandle", "06" + Kit.Str("Roselyn") + Kit.Str("are you selling that helmet?")), CancellationToken.None);
        AssertCommand("COMMAND_TOPIC_CHARACTER_CHAT__WHISPER");
    }

    [Fact]
    public async Task A_whisper_that_cannot_be_sent_answers_the_sender_with_a_failure()
    {
        _publisher.Succeeds = false;
        var session = _world.Enter(_world.Channel1, Sender, "Atlas");
        await Whisper().HandleAsync(Kit.Packet(session, "CharacterChatWhisperHandle", "06 03 00 42 6F 62 02 00 68 69"), CancellationToken.None);
        Assert.Equal(["8700" + "0A" + Kit.Str("Bob") + "00"], ChatWorld.Received(session));
    }

    [Fact]
    public async Task A_whisper_to_an_impossible_name_is_not_found_without_a_command()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Atlas");
        await Whisper().HandleAsync(Kit.Packet(session, "CharacterChatWhisperHandle", "06" + Kit.Str("ThirteenChars") + Kit.Str("hi")), CancellationToken.None);
        Assert.Empty(_publisher.Published);
        Assert.Equal(["8700" + "0A" + Kit.Str("ThirteenChar") + "00"], ChatWorld.Received(session));
    }

    [Fact]
    public async Task Find_of_a_character_in_this_channel_gives_map_and_position()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Atlas");
        var bob = _world.Enter(_world.Channel1, 1000023, "Bob");
        bob.UpdatePosition(new Position(100, 200), 0, 0);
        _directory.Characters[1000023] = new ChatCharacter(1000023, "Bob", false);
        await Whisper().HandleAsync(Kit.Packet(session, "CharacterChatWhisperHandle", "05 03 00 42 6F 62"), CancellationToken.None);
        Assert.Equal(["8700" + "090300426F620100E1F50564000000C8000000"], ChatWorld.Received(session));
        Assert.Empty(_publisher.Published);
        Assert.Empty(TestSessions.Drain(bob));
    }

    [Fact]
    public async Task Find_of_a_character_on_another_channel_gives_the_channel()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Atlas");
        _world.Enter(TestSessions.Server(TestSessions.TenantA, world: 0, channel: 4, port: 7580), 1000023, "Bob");
        _directory.Characters[1000023] = new ChatCharacter(1000023, "Bob", false);
        await Whisper().HandleAsync(Kit.Packet(session, "CharacterChatWhisperHandle", "05 03 00 42 6F 62"), CancellationToken.None);
        Assert.Equal(["8700" + "090300426F620304000000"], ChatWorld.Received(session));
    }

    [Fact]
    public async Task Find_from_the_buddy_window_has_no_position()
    {
        var session = _world.Enter(_world.Channel1, Sender, "Atlas");
        var bob = _world.Enter(_world.Channel1, 1000023, "Bob");
        bob.UpdatePosition(new Position(100, 200), 0, 0);
        _directory.Characters[1000023] = new ChatCharacter(1000023, "Bob", false);
        await Whisper().HandleAsync(Kit.Packet(session, "CharacterChatWhisperHandle", "44 03 00 42 6F 62"), CancellationToken.None);
        Assert.Equal(["8700" + "480300426F620100E1F505"], ChatWorld.Received(session));
    }

    [Theory]
    [InlineData(false, false)] // no such character
    [InlineData(true, false)] // exists but has no session here
    [InlineData(false, true)] // the characters service is down
    public async Task Find_of_someone_not_visible_is_not_found(bool exists, bool peerDown)
    {
        var session = _world.Enter(_world.Channel1, Sender, "Atlas");
        _world.Enter(_world.Foreign, 1000023, "Bob"); // same id and name in another tenant
        if (exists)
            _directory.Characters[1000099] = new ChatCharacter(1000099, "Bob", false);
        _directory.Fails = peerDown;
        await Whisper().HandleAsync(Kit.Packet(session, "CharacterChatWhisperHandle", "05 03 00 42 6F 62"), CancellationToken.None);
        Assert.Equal(["8700" + "090300426F620000000000"], ChatWorld.Received(session));
    }
}
