using System.Buffers;
using AtlasChannel.Protocol.Crypto;
using AtlasChannel.Protocol.Handshake;

namespace AtlasChannel.Protocol.Tests;

/// <summary>spec/protocol/handshake-and-crypto.md §2.</summary>
public class HelloTests
{
    private static readonly MapleIv SendIv = MapleIv.FromHex("523078E9");
    private static readonly MapleIv ReceiveIv = MapleIv.FromHex("46727AB7");

    [Theory]
    [InlineData("GMS", 12, 1, "0E 00 0C 00 01 00 31 46 72 7A B7 52 30 78 E9 08")]
    [InlineData("GMS", 83, 1, "0E 00 53 00 01 00 31 46 72 7A B7 52 30 78 E9 08")]
    [InlineData("GMS", 87, 1, "0E 00 57 00 01 00 31 46 72 7A B7 52 30 78 E9 08")]
    [InlineData("GMS", 92, 1, "0E 00 5C 00 01 00 31 46 72 7A B7 52 30 78 E9 08")]
    [InlineData("GMS", 95, 1, "0E 00 5F 00 01 00 31 46 72 7A B7 52 30 78 E9 08")]
    [InlineData("JMS", 185, 1, "0E 00 B9 00 01 00 31 46 72 7A B7 52 30 78 E9 03")]
    [InlineData("GMS", 83, 10, "0F 00 53 00 02 00 31 30 46 72 7A B7 52 30 78 E9 08")] // correct length, where Atlas writes 0E
    public void Hello_bytes_match_spec_and_read_back(string region, ushort major, ushort minor, string expected)
    {
        var version = new ClientVersion(region, major, minor);
        var hello = Hello.For(version, ReceiveIv, SendIv);
        var bytes = hello.ToArray();
        Assert.Equal(Hex.Normal(expected), Hex.Of(bytes));

        Assert.True(Hello.TryRead(new ReadOnlySequence<byte>(bytes), out var read, out var consumed));
        Assert.Equal(hello, read);
        Assert.Equal(bytes.Length, new ReadOnlySequence<byte>(bytes).Slice(0, consumed).Length);
    }

    [Fact]
    public void Partial_hello_needs_more_bytes_at_every_cut()
    {
        var bytes = Hello.For(new ClientVersion("GMS", 83, 1), ReceiveIv, SendIv).ToArray();
        for (var cut = 0; cut < bytes.Length; cut++)
            Assert.False(Hello.TryRead(new ReadOnlySequence<byte>(bytes, 0, cut), out _, out _));
    }

    [Fact]
    public void Implausible_hello_length_is_rejected()
    {
        byte[] bytes = [0xFF, 0x7F, 0x53, 0x00];
        Assert.Throws<InvalidDataException>(() => Hello.TryRead(new ReadOnlySequence<byte>(bytes), out _, out _));
    }
}
