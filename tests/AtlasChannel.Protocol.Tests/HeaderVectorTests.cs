using AtlasChannel.Protocol.Crypto;

namespace AtlasChannel.Protocol.Tests;

/// <summary>spec/protocol/handshake-and-crypto.md §11.2 (IV 52 30 78 E9).</summary>
public class HeaderVectorTests
{
    private static readonly MapleIv Iv = MapleIv.FromHex("523078E9");

    public static TheoryData<ushort, int, string> Vectors()
    {
        var rows = new (ushort Key, string[] Headers)[]
        {
            (0xFFAC, ["D4 16 D6 16", "D4 16 DA 16", "D4 16 F8 17", "D4 16 08 13", "D4 16 2B E9"]),
            (0x0053, ["2B E9 29 E9", "2B E9 25 E9", "2B E9 07 E8", "2B E9 F7 EC", "2B E9 D4 16"]),
            (0xFFA0, ["D8 16 DA 16", "D8 16 D6 16", "D8 16 F4 17", "D8 16 04 13", "D8 16 27 E9"]),
            (0x005F, ["27 E9 25 E9", "27 E9 29 E9", "27 E9 0B E8", "27 E9 FB EC", "27 E9 D8 16"]),
            (0xFFF3, ["8B 16 89 16", "8B 16 85 16", "8B 16 A7 17", "8B 16 57 13", "8B 16 74 E9"]),
            (0x000C, ["74 E9 76 E9", "74 E9 7A E9", "74 E9 58 E8", "74 E9 A8 EC", "74 E9 8B 16"]),
            (0xFF46, ["3E 16 3C 16", "3E 16 30 16", "3E 16 12 17", "3E 16 E2 13", "3E 16 C1 E9"]),
            (0x00B9, ["C1 E9 C3 E9", "C1 E9 CF E9", "C1 E9 ED E8", "C1 E9 1D EC", "C1 E9 3E 16"]),
            (0xFFA8, ["D0 16 D2 16", "D0 16 DE 16", "D0 16 FC 17", "D0 16 0C 13", "D0 16 2F E9"]),
            (0xFFA3, ["DB 16 D9 16", "DB 16 D5 16", "DB 16 F7 17", "DB 16 07 13", "DB 16 24 E9"]),
        };
        int[] lengths = [2, 14, 300, 1500, 65535];
        var data = new TheoryData<ushort, int, string>();
        foreach (var (key, headers) in rows)
        {
            for (var i = 0; i < lengths.Length; i++)
                data.Add(key, lengths[i], headers[i]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Header_matches_spec_and_reads_back(ushort key, int length, string expected)
    {
        var header = new byte[4];
        PacketHeader.Write(header, Iv, key, length);
        Assert.Equal(Hex.Normal(expected), Hex.Of(header));
        Assert.Equal(length, PacketHeader.ReadLength(header));
        Assert.True(PacketHeader.IsValid(header, Iv, key));
    }

    [Theory]
    [InlineData("GMS", 83, 0xFFAC, 0x0053)]
    [InlineData("GMS", 87, 0xFFA8, 0x0057)]
    [InlineData("GMS", 92, 0xFFA3, 0x005C)]
    [InlineData("GMS", 95, 0xFFA0, 0x005F)]
    [InlineData("GMS", 12, 0xFFF3, 0x000C)]
    [InlineData("JMS", 185, 0xFF46, 0x00B9)]
    public void Header_keys_derive_from_major(string region, ushort major, int serverKey, int clientKey)
    {
        var version = new ClientVersion(region, major, 1);
        Assert.Equal(serverKey, version.ServerToClientHeaderKey);
        Assert.Equal(clientKey, version.ClientToServerHeaderKey);
    }

    [Fact]
    public void Header_built_with_wrong_version_key_is_rejected()
    {
        var v83 = new ClientVersion("GMS", 83, 1);
        var header = new byte[4];
        PacketHeader.Write(header, Iv, new ClientVersion("GMS", 95, 1).ClientToServerHeaderKey, 6);
        Assert.False(MapleCipher.ServerReceive(v83, Iv).IsValidHeader(header));

        // The server's own send key is not accepted from a client either (Edelstein would accept it; we do not).
        PacketHeader.Write(header, Iv, v83.ServerToClientHeaderKey, 6);
        Assert.False(MapleCipher.ServerReceive(v83, Iv).IsValidHeader(header));
    }
}
