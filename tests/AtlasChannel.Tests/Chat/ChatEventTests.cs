using System.Text.Json.Nodes;
using AtlasChannel.Contracts;
using AtlasChannel.Features.Chat;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Chat;

public class ChatEventTests
{
    private const int Sender = 1000017;

    private readonly ChatWorld _world = new();
    private readonly FakeDirectory _directory = new();

    private ChatEvents Events() => new(_world.Registry, _directory, NullLogger<ChatEvents>.Instance);

    private static string GeneralPacket(uint characterId, bool white, string message, bool balloon) =>
        "A200" + Convert.ToHexString(BitConverter.GetBytes(characterId)) + (white ? "01" : "00") + Kit.Str(message) + (balloon ? "01" : "00");

    [Fact]
    public async Task General_chat_goes_to_everyone_in_the_field_including_the_speaker_and_nobody_else()
    {
        var speaker = _world.Enter(_world.Channel1, Sender, "Bob");
        var listener = _world.Enter(_world.Channel1, 1000023, "Roselyn");
        var elsewhere = _world.Enter(_world.Channel1, 1000031, "Far", ChatWorld.Ellinia);
        var otherChannel = _world.Enter(_world.Channel2, 1000041, "Other");
        var otherTenant = _world.Enter(_world.Foreign, 1000023, "Roselyn");

        await Events().OnGeneralAsync(Kit.Example<ChatMessage<ChatGeneralBody>>("EVENT_TOPIC_CHARACTER_CHAT__GENERAL", TestSessions.TenantA), CancellationToken.None);

        var expected = GeneralPacket(Sender, false, "hello henesys", false);
        Assert.Equal([expected, expected, "", "", ""], ChatWorld.Received(speaker, listener, elsewhere, otherChannel, otherTenant));
        Assert.Equal(0, _directory.Calls);
    }

    [Fact]
    public async Task General_chat_matches_the_spec_example_bytes()
    {
        var speaker = _world.Enter(_world.Channel1, 12345, "Bob");
        var value = Kit.ExampleValue("EVENT_TOPIC_CHARACTER_CHAT__GENERAL");
        value["actorId"] = 12345;
        value["message"] = "hello";
        await Events().OnGeneralAsync(Kit.Consumed<ChatMessage<ChatGeneralBody>>(Topics.EventCharacterChat, value, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["A200" + "39300000" + "00" + "05006865 6C6C6F".Replace(" ", "", StringComparison.Ordinal) + "00"], ChatWorld.Received(speaker));
    }

    [Fact]
    public async Task A_gm_speaks_on_white_and_balloon_only_is_echoed()
    {
        var gm = _world.Enter(_world.Channel1, Sender, "Admin", gm: true);
        var value = Kit.ExampleValue("EVENT_TOPIC_CHARACTER_CHAT__GENERAL");
        value["body"]!["balloonOnly"] = true;
        await Events().OnGeneralAsync(Kit.Consumed<ChatMessage<ChatGeneralBody>>(Topics.EventCharacterChat, value, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal([GeneralPacket(Sender, true, "hello henesys", true)], ChatWorld.Received(gm));
    }

    [Fact]
    public async Task A_speaker_without_a_session_here_is_looked_up()
    {
        var listener = _world.Enter(_world.Channel1, 1000023, "Roselyn");
        _directory.Characters[Sender] = new ChatCharacter(Sender, "Admin", Gm: true);
        await Events().OnGeneralAsync(Kit.Example<ChatMessage<ChatGeneralBody>>("EVENT_TOPIC_CHARACTER_CHAT__GENERAL", TestSessions.TenantA), CancellationToken.None);
        Assert.Equal([GeneralPacket(Sender, true, "hello henesys", false)], ChatWorld.Received(listener));
    }

    [Fact]
    public async Task General_chat_of_another_tenant_reaches_only_that_tenant()
    {
        var mine = _world.Enter(_world.Channel1, Sender, "Bob");
        var theirs = _world.Enter(_world.Foreign, Sender, "Bob");
        await Events().OnGeneralAsync(Kit.Example<ChatMessage<ChatGeneralBody>>("EVENT_TOPIC_CHARACTER_CHAT__GENERAL", TestSessions.TenantB), CancellationToken.None);
        Assert.Equal(["", GeneralPacket(Sender, false, "hello henesys", false)], ChatWorld.Received(mine, theirs));
    }

    [Theory]
    [InlineData("EVENT_TOPIC_CHARACTER_CHAT__BUDDY", "00")]
    [InlineData("EVENT_TOPIC_CHARACTER_CHAT__PARTY", "01")]
    [InlineData("EVENT_TOPIC_CHARACTER_CHAT__GUILD", "02")]
    [InlineData("EVENT_TOPIC_CHARACTER_CHAT__ALLIANCE", "03")]
    public async Task Group_chat_goes_to_exactly_the_listed_recipients(string example, string mode)
    {
        var value = Kit.ExampleValue(example);
        var recipients = value["body"]!["recipients"]!.AsArray().Select(n => (int)n!.GetValue<uint>()).ToArray();
        var sender = _world.Enter(_world.Channel1, (int)value["actorId"]!.GetValue<uint>(), "Bob");
        var first = _world.Enter(_world.Channel1, recipients[0], "First", ChatWorld.Ellinia);
        var second = _world.Enter(_world.Channel2, recipients[1], "Second"); // another channel of this process
        var bystander = _world.Enter(_world.Channel1, 1000099, "Near");
        var foreign = _world.Enter(_world.Foreign, recipients[0], "First");

        await Events().OnMultiAsync(Kit.Consumed<ChatMessage<ChatRecipientsBody>>(Topics.EventCharacterChat, value, TestSessions.TenantA), CancellationToken.None);

        var expected = "8600" + mode + Kit.Str("Bob") + Kit.Str(value["message"]!.GetValue<string>());
        Assert.Equal(["", expected, expected, "", ""], ChatWorld.Received(sender, first, second, bystander, foreign));
    }

    [Fact]
    public async Task Group_chat_matches_the_spec_example_bytes()
    {
        _world.Enter(_world.Channel1, Sender, "Bob");
        var recipient = _world.Enter(_world.Channel1, 1000, "Ann");
        var value = Kit.ExampleValue("EVENT_TOPIC_CHARACTER_CHAT__PARTY");
        value["message"] = "hi";
        value["body"]!["recipients"] = new JsonArray(1000, 1000);
        await Events().OnMultiAsync(Kit.Consumed<ChatMessage<ChatRecipientsBody>>(Topics.EventCharacterChat, value, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["8600" + "010300426F62020068 69".Replace(" ", "", StringComparison.Ordinal)], ChatWorld.Received(recipient));
    }

    [Fact]
    public async Task Messenger_chat_does_not_also_get_a_group_chat_packet()
    {
        // Reference quirk (chat.md): Atlas writes CharacterMultiChat mode 99 for MESSENGER and PINK_TEXT; we do not.
        _world.Enter(_world.Channel1, Sender, "Bob");
        var recipient = _world.Enter(_world.Channel1, 1000023, "Roselyn");
        await Events().OnMultiAsync(Kit.Example<ChatMessage<ChatRecipientsBody>>("EVENT_TOPIC_CHARACTER_CHAT__MESSENGER", TestSessions.TenantA), CancellationToken.None);
        await Events().OnMultiAsync(Kit.Example<ChatMessage<ChatRecipientsBody>>("EVENT_TOPIC_CHARACTER_CHAT__PINK_TEXT", TestSessions.TenantA), CancellationToken.None);
        Assert.Equal([""], ChatWorld.Received(recipient));
    }

    [Fact]
    public async Task Whisper_confirms_to_the_sender_and_delivers_to_the_recipient()
    {
        var sender = _world.Enter(_world.Channel1, Sender, "Bob");
        var recipient = _world.Enter(_world.Channel2, 1000023, "Roselyn", ChatWorld.Ellinia);
        var bystander = _world.Enter(_world.Channel1, 1000031, "Near");
        var foreignSender = _world.Enter(_world.Foreign, Sender, "Bob");
        var foreignRecipient = _world.Enter(_world.Foreign, 1000023, "Roselyn");

        await Events().OnWhisperAsync(Kit.Example<ChatMessage<ChatWhisperEventBody>>("EVENT_TOPIC_CHARACTER_CHAT__WHISPER", TestSessions.TenantA), CancellationToken.None);

        Assert.Equal(
            [
                "8700" + "0A" + Kit.Str("Roselyn") + "01",
                "8700" + "12" + Kit.Str("Bob") + "01" + "00" + Kit.Str("are you selling that helmet?"),
                "",
                "",
                "",
            ],
            ChatWorld.Received(sender, recipient, bystander, foreignSender, foreignRecipient));
    }

    [Fact]
    public async Task Whisper_packets_match_the_spec_example_bytes()
    {
        var sender = _world.Enter(_world.Channel1, Sender, "Atlas");
        var bob = _world.Enter(_world.Channel1, 1000023, "Bob");
        var value = Kit.ExampleValue("EVENT_TOPIC_CHARACTER_CHAT__WHISPER");
        value["message"] = "hi";
        await Events().OnWhisperAsync(Kit.Consumed<ChatMessage<ChatWhisperEventBody>>(Topics.EventCharacterChat, value, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal("8700" + "0A0300426F6201", ChatWorld.Received(sender)[0]);

        // Received "hi" from Bob on channel 0.
        var channel0 = TestSessions.Server(TestSessions.TenantA, world: 0, channel: 0, port: 7575);
        var bobSender = new ChatWorld();
        bobSender.Enter(channel0, 1000023, "Bob");
        var target = bobSender.Enter(channel0, Sender, "Atlas");
        value["actorId"] = 1000023;
        value["channelId"] = 0;
        value["body"]!["recipient"] = Sender;
        await new ChatEvents(bobSender.Registry, _directory, NullLogger<ChatEvents>.Instance)
            .OnWhisperAsync(Kit.Consumed<ChatMessage<ChatWhisperEventBody>>(Topics.EventCharacterChat, value, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["8700" + "120300426F620000020068 69".Replace(" ", "", StringComparison.Ordinal)], ChatWorld.Received(target));
    }

    [Fact]
    public async Task A_whisper_to_a_remote_recipient_confirms_with_the_looked_up_name()
    {
        var sender = _world.Enter(_world.Channel1, Sender, "Bob");
        _directory.Characters[1000023] = new ChatCharacter(1000023, "Roselyn", false);
        await Events().OnWhisperAsync(Kit.Example<ChatMessage<ChatWhisperEventBody>>("EVENT_TOPIC_CHARACTER_CHAT__WHISPER", TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["8700" + "0A" + Kit.Str("Roselyn") + "01"], ChatWorld.Received(sender));
    }

    [Fact]
    public async Task A_whisper_from_a_remote_sender_is_delivered_with_the_looked_up_name()
    {
        var recipient = _world.Enter(_world.Channel1, 1000023, "Roselyn");
        _directory.Characters[Sender] = new ChatCharacter(Sender, "Bob", false);
        await Events().OnWhisperAsync(Kit.Example<ChatMessage<ChatWhisperEventBody>>("EVENT_TOPIC_CHARACTER_CHAT__WHISPER", TestSessions.TenantA), CancellationToken.None);
        Assert.Equal(["8700" + "12" + Kit.Str("Bob") + "0100" + Kit.Str("are you selling that helmet?")], ChatWorld.Received(recipient));
    }

    [Fact]
    public async Task Oversized_event_text_is_dropped()
    {
        var speaker = _world.Enter(_world.Channel1, Sender, "Bob");
        var value = Kit.ExampleValue("EVENT_TOPIC_CHARACTER_CHAT__GENERAL");
        value["message"] = new string('x', ChatEvents.MaxEventMessageLength + 1);
        await Events().OnGeneralAsync(Kit.Consumed<ChatMessage<ChatGeneralBody>>(Topics.EventCharacterChat, value, TestSessions.TenantA), CancellationToken.None);
        Assert.Equal([""], ChatWorld.Received(speaker));
    }
}
