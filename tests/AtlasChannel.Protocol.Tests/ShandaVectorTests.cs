using AtlasChannel.Protocol.Crypto;

namespace AtlasChannel.Protocol.Tests;

/// <summary>spec/protocol/handshake-and-crypto.md §11.3.</summary>
public class ShandaVectorTests
{
    [Theory]
    [InlineData("00", "F6")]
    [InlineData("11 00", "7C 89")]
    [InlineData("01 02 03 04 05", "18 03 A1 9E F5")]
    [InlineData("14 00 01 00 00 00", "11 68 15 E2 03 2C")]
    [InlineData("7D 00 01 02 03 04 05 06 07 08", "64 16 AF 55 D2 FD B3 23 9A 50")]
    public void Encrypt_and_decrypt_match_spec(string plain, string encrypted)
    {
        var data = Hex.Bytes(plain);
        Shanda.Encrypt(data);
        Assert.Equal(Hex.Normal(encrypted), Hex.Of(data));
        Shanda.Decrypt(data);
        Assert.Equal(Hex.Normal(plain), Hex.Of(data));
    }

    [Fact]
    public void Round_trips_random_lengths_including_over_256()
    {
        var random = new Random(83);
        foreach (var length in new[] { 0, 1, 7, 8, 9, 255, 256, 257, 1000, 4096 })
        {
            var original = new byte[length];
            random.NextBytes(original);
            var data = (byte[])original.Clone();
            Shanda.Encrypt(data);
            if (length > 0)
                Assert.NotEqual(original, data);
            Shanda.Decrypt(data);
            Assert.Equal(original, data);
        }
    }
}
