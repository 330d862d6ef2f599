using AtlasChannel.Protocol.Crypto;

namespace AtlasChannel.Protocol.Tests;

/// <summary>spec/protocol/handshake-and-crypto.md §11.1.</summary>
public class IvShuffleVectorTests
{
    [Theory]
    [InlineData("00 00 00 00", "11 BB 64 C7", "D6 70 FC 91", "76 87 B9 03")]
    [InlineData("52 30 78 E9", "9D A4 E2 FE", "4D 3B B9 63", "A3 B7 7B 35")]
    [InlineData("46 72 7A B7", "44 95 0D C8", "7C BD C0 22", "EC 01 D0 54")]
    [InlineData("0B 60 8B AE", "E5 39 99 94", "77 F0 25 91", "2C 02 17 0A")]
    [InlineData("FF FF FF FF", "2D 95 C5 76", "3F 75 81 B6", "BA 43 81 AA")]
    [InlineData("01 02 03 04", "7B BF A4 56", "73 35 6F 67", "9A 30 7F 5D")]
    public void Shuffle_chain_matches_spec(string start, string after1, string after2, string after3)
    {
        var iv = MapleIv.FromBytes(Hex.Bytes(start));
        iv = iv.Next();
        Assert.Equal(Hex.Normal(after1), iv.ToHex().ToUpperInvariant());
        iv = iv.Next();
        Assert.Equal(Hex.Normal(after2), iv.ToHex().ToUpperInvariant());
        iv = iv.Next();
        Assert.Equal(Hex.Normal(after3), iv.ToHex().ToUpperInvariant());
    }
}
