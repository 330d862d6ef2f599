using AtlasChannel.Features.Chat;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tests.Field;

namespace AtlasChannel.Tests.Chat;

/// <summary>The version branches of chat-social.md §1–§4.</summary>
public class ChatVersionTests
{
    private static readonly ClientVersion V83 = new("GMS", 83, 1);
    private static readonly ClientVersion V87 = new("GMS", 87, 1);
    private static readonly ClientVersion V95 = new("GMS", 95, 1);
    private static readonly ClientVersion Jms = new("JMS", 185, 1);

    [Fact]
    public void Whisper_update_time_follows_the_mode_on_v87_and_jms_only()
    {
        var v83 = new PacketReader(Hex.Bytes("06 03 00 42 6F 62 02 00 68 69"));
        Assert.Equal(new WhisperRequest(6, "Bob", "hi"), ChatPackets.ReadWhisper(ref v83, V83));
        Assert.Equal(0, v83.Remaining);
        foreach (var version in new[] { V87, V95, Jms })
        {
            var reader = new PacketReader(Hex.Bytes("06 11 22 33 44 03 00 42 6F 62 02 00 68 69"));
            Assert.Equal(new WhisperRequest(6, "Bob", "hi"), ChatPackets.ReadWhisper(ref reader, version));
            Assert.Equal(0, reader.Remaining);
        }
    }

    [Fact]
    public void Find_has_no_message()
    {
        var reader = new PacketReader(Hex.Bytes("05 03 00 42 6F 62"));
        Assert.Equal(new WhisperRequest(5, "Bob", ""), ChatPackets.ReadWhisper(ref reader, V83));
    }

    [Fact]
    public void General_chat_update_time_is_read_on_v87_and_jms_only()
    {
        var v83 = new PacketReader(Hex.Bytes("05 00 68 65 6C 6C 6F 01"));
        Assert.Equal(new GeneralChatRequest("hello", true), ChatPackets.ReadGeneral(ref v83, V83));
        var jms = new PacketReader(Hex.Bytes("11 22 33 44 05 00 68 65 6C 6C 6F 01"));
        Assert.Equal(new GeneralChatRequest("hello", true), ChatPackets.ReadGeneral(ref jms, Jms));
    }

    [Fact]
    public void Group_chat_update_time_is_read_on_gms_v95_only()
    {
        var v87 = new PacketReader(Hex.Bytes("01 01 E8 03 00 00 02 00 68 69"));
        var read87 = ChatPackets.ReadMulti(ref v87, V87);
        Assert.Equal(((byte)1, 1000u, "hi"), (read87.ChatType, read87.Recipients.Single(), read87.Message));
        var v95 = new PacketReader(Hex.Bytes("11 22 33 44 01 01 E8 03 00 00 02 00 68 69"));
        var read95 = ChatPackets.ReadMulti(ref v95, V95);
        Assert.Equal(((byte)1, 1000u, "hi"), (read95.ChatType, read95.Recipients.Single(), read95.Message));
    }

    [Fact]
    public void Expression_request_carries_duration_and_item_option_on_v95()
    {
        var v95 = new PacketReader(Hex.Bytes("03 00 00 00 E8 03 00 00 01"));
        Assert.Equal(3, ExpressionPackets.Read(ref v95, V95));
        Assert.Equal(0, v95.Remaining);
        Assert.Equal(0x16, ExpressionPackets.MaxEmote(V83));
        Assert.Equal(0x17, ExpressionPackets.MaxEmote(V95));
    }

    [Theory]
    [InlineData("JMS", 185, "3930000003000000" + "00000000")]
    [InlineData("GMS", 95, "3930000003000000" + "00000000" + "00")]
    [InlineData("GMS", 83, "3930000003000000")]
    public void Expression_packet_has_a_duration_on_jms_and_v95_and_an_item_option_on_v95(string region, ushort major, string expected)
    {
        // The JMS and v95 templates bundle no CharacterExpression writer, so the body is written directly.
        using var writer = new PacketWriter();
        var context = new Packets.WriterContext(new ClientVersion(region, major, 1), new Protocol.Opcodes.WriterBinding(0, ExpressionPackets.Writer, null));
        ExpressionPackets.Expression(writer, context, (12345u, 3u));
        Assert.Equal(expected, Hex.Of(writer.WrittenSpan));
    }
}
