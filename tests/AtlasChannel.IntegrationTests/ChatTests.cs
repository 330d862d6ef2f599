using System.Text;

namespace AtlasChannel.IntegrationTests;

/// <summary>Chat, expressions, chairs and chalkboards end to end: two bots in map 100000000, sandbox peers answering.</summary>
public sealed class ChatTests : IAsyncLifetime
{
    private ChannelHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await ChannelHarness.StartEmbeddedAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    // Received bodies start with the v83 opcode (chat-social.md §0), little-endian.
    private static string Str(string text) =>
        Convert.ToHexString(BitConverter.GetBytes((ushort)text.Length)) + Convert.ToHexString(Encoding.ASCII.GetBytes(text));

    private async Task<(BotSession Atlas, BotSession Bravo)> TwoInHenesysAsync()
    {
        var atlas = await BotSession.LoginAsync(_harness.FirstPort, 1);
        var bravo = await BotSession.LoginAsync(_harness.FirstPort, 2);
        await atlas.WaitForAsync("SetField");
        await bravo.WaitForAsync("SetField");
        return (atlas, bravo);
    }

    [Fact]
    public async Task General_chat_reaches_the_other_character_in_the_map()
    {
        var (atlas, bravo) = await TwoInHenesysAsync();
        await using (atlas)
        await using (bravo)
        {
            await atlas.Client.SendAsync("CharacterChatGeneralHandle", Convert.FromHexString(Str("hello") + "00"));

            // Character 1 (not a GM) says "hello": id, white 0, text, balloon 0 (chat-social.md §1.2).
            var expected = "A200" + "01000000" + "00" + Str("hello") + "00";
            Assert.Equal(expected, Convert.ToHexString(await bravo.WaitForAsync("CharacterChatGeneral")));
            Assert.Equal(expected, Convert.ToHexString(await atlas.WaitForAsync("CharacterChatGeneral")));
        }
    }

    [Fact]
    public async Task Whisper_is_delivered_and_confirmed()
    {
        var (atlas, bravo) = await TwoInHenesysAsync();
        await using (atlas)
        await using (bravo)
        {
            await atlas.Client.SendAsync("CharacterChatWhisperHandle", Convert.FromHexString("06" + Str("Bravo") + Str("hi")));
            Assert.Equal("8700" + "12" + Str("Atlas") + "00" + "00" + Str("hi"), Convert.ToHexString(await bravo.WaitForAsync("CharacterChatWhisper")));
            Assert.Equal("8700" + "0A" + Str("Bravo") + "01", Convert.ToHexString(await atlas.WaitForAsync("CharacterChatWhisper")));
        }
    }

    [Fact]
    public async Task Expression_chair_and_chalkboard_are_shown_to_the_other_character()
    {
        var (atlas, bravo) = await TwoInHenesysAsync();
        await using (atlas)
        await using (bravo)
        {
            await atlas.Client.SendAsync("CharacterExpressionHandle", Convert.FromHexString("03000000"));
            Assert.Equal("C100" + "01000000" + "03000000", Convert.ToHexString(await bravo.WaitForAsync("CharacterExpression")));

            await atlas.Client.SendAsync("CharacterChairPortableHandle", Convert.FromHexString("D0ED2D00"));
            Assert.Equal("C400" + "01000000" + "D0ED2D00", Convert.ToHexString(await bravo.WaitForAsync("CharacterShowChair")));

            await atlas.Client.SendAsync("ChalkboardCloseHandle", ReadOnlyMemory<byte>.Empty);
            Assert.Equal("A400" + "01000000" + "00", Convert.ToHexString(await bravo.WaitForAsync("ChalkboardUse")));
            Assert.Equal("A400" + "01000000" + "00", Convert.ToHexString(await atlas.WaitForAsync("ChalkboardUse")));
        }
    }
}
