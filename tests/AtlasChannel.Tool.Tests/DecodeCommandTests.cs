using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Tool.Commands;
using AtlasChannel.Tool.Crypto;

namespace AtlasChannel.Tool.Tests;

public class DecodeCommandTests
{
    [Fact]
    public void Names_client_packets_by_handler_and_dumps_the_payload()
    {
        var table = BundledTemplates.Load(new ClientVersion("GMS", 83, 1));
        var text = DecodeCommand.Describe(table, PacketDirection.ClientToServer, Convert.FromHexString("140001000000"));
        Assert.Contains("0x14 CharacterLoggedInHandle", text, StringComparison.Ordinal);
        Assert.Contains("payload   4 byte(s)", text, StringComparison.Ordinal);
        Assert.Contains("0002  01 00 00 00", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_server_packets_by_every_writer_sharing_the_opcode()
    {
        var table = BundledTemplates.Load(new ClientVersion("GMS", 83, 1));
        var text = DecodeCommand.Describe(table, PacketDirection.ServerToClient, Convert.FromHexString("0000"));
        Assert.Contains("AuthSuccess", text, StringComparison.Ordinal);
        Assert.Contains("AuthLoginFailed", text, StringComparison.Ordinal);
    }

    [Fact]
    public void One_byte_opcodes_for_v12()
    {
        var table = BundledTemplates.Load(new ClientVersion("GMS", 12, 1));
        var text = DecodeCommand.Describe(table, PacketDirection.ClientToServer, Convert.FromHexString("0a01000000"));
        Assert.Contains("opcode    0x0A ", text, StringComparison.Ordinal);
        Assert.Contains("payload   4 byte(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_line_form_works_end_to_end()
    {
        using var stdout = new StringWriter();
        var exit = await new DecodeCommand().RunAsync(new[] { "--version", "GMS/83/1", "--direction", "c2s", "14 00 01 00 00 00" }, TextReader.Null, stdout, TextWriter.Null, CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Contains("CharacterLoggedInHandle", stdout.ToString(), StringComparison.Ordinal);
    }
}
