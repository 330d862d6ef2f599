using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using AtlasChannel.Protocol.Crypto;

namespace AtlasChannel.Protocol.Tests;

/// <summary>spec/protocol/handshake-and-crypto.md §11.4.</summary>
public class AesVectorTests
{
    [Theory]
    [InlineData("523078E9", IvExpansion.RepeatFourBytes, "09 9C 7A BB 16 C1 57 BD AA 8E 0C B1 1C E6 A6 FC DD 67 FC C0 A7 80 CF 40 71 14 2C FE 04 28 19 2A")]
    [InlineData("523078E9", IvExpansion.FillWithFirstByte, "49 AD 10 FE 5E 34 3C 0F 2D 43 6A 8F 75 FB B8 B0")]
    [InlineData("46727AB7", IvExpansion.RepeatFourBytes, "C9 DE A0 DD CB 9A 7C E7 80 DE 3D A4 B4 1D E7 A1")]
    public void Keystream_of_zero_bytes_matches_spec(string iv, IvExpansion expansion, string expected)
    {
        var data = new byte[Hex.Bytes(expected).Length];
        MapleAes.Transform(data, MapleIv.FromHex(iv), expansion);
        Assert.Equal(Hex.Normal(expected), Hex.Of(data));
    }

    [Fact]
    public void Keystream_restarts_at_1456_and_2916()
    {
        var data = new byte[3000];
        MapleAes.Transform(data, MapleIv.FromHex("523078E9"), IvExpansion.RepeatFourBytes);
        Assert.Equal(Hex.Normal("8C 7E 34 90 88 5F B2 59 09 9C 7A BB 16 C1 57 BD"), Hex.Of(data.AsSpan(1448, 16)));
        Assert.Equal(Hex.Normal("88 5F B2 59 A1 04 F1 F9 09 9C 7A BB 16 C1 57 BD"), Hex.Of(data.AsSpan(2908, 16)));
        Assert.Equal("e80b6341d54ff84267c4df80842250f527920036992738f49168059bff9586cf", Convert.ToHexStringLower(SHA256.HashData(data)));
    }

    [Fact]
    public void Keystream_restarts_again_at_4376()
    {
        var data = new byte[5000];
        MapleAes.Transform(data, MapleIv.FromHex("523078E9"), IvExpansion.RepeatFourBytes);
        var firstBlock = data.AsSpan(0, 16).ToArray();
        Assert.Equal(firstBlock, data.AsSpan(1456, 16).ToArray());
        Assert.Equal(firstBlock, data.AsSpan(2916, 16).ToArray());
        Assert.Equal(firstBlock, data.AsSpan(4376, 16).ToArray());
        // Chunks 2, 3 and 4 are all the same 1460-byte keystream.
        Assert.Equal(data.AsSpan(1456, 1460).ToArray(), data.AsSpan(2916, 1460).ToArray());
        Assert.Equal(data.AsSpan(1456, 5000 - 4376).ToArray(), data.AsSpan(4376).ToArray());
    }

    [Fact]
    public void Hardware_and_portable_keystreams_agree()
    {
        var random = new Random(12);
        for (var trial = 0; trial < 50; trial++)
        {
            var start = new byte[16];
            random.NextBytes(start);
            var hardware = new byte[16 * 8];
            var portable = new byte[16 * 8];
            AesBlockEncryptor.WriteKeystream(Vector128.Create(start), hardware, 8);
            AesBlockEncryptor.WriteKeystreamPortable(Vector128.Create(start), portable, 8);
            Assert.Equal(portable, hardware);
        }
    }

    [Fact]
    public void Transform_is_its_own_inverse_at_every_length_near_boundaries()
    {
        var random = new Random(1456);
        foreach (var length in new[] { 1, 15, 16, 17, 1455, 1456, 1457, 2915, 2916, 2917, 4375, 4376, 4377, 65535 })
        {
            var original = new byte[length];
            random.NextBytes(original);
            var data = (byte[])original.Clone();
            var iv = MapleIv.FromHex("0B608BAE");
            MapleAes.Transform(data, iv, IvExpansion.RepeatFourBytes);
            Assert.NotEqual(original, data);
            MapleAes.Transform(data, iv, IvExpansion.RepeatFourBytes);
            Assert.Equal(original, data);
        }
    }
}
