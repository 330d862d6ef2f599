using System.Security.Cryptography;
using AtlasChannel.Protocol.Crypto;

namespace AtlasChannel.Protocol.Tests;

/// <summary>Whole encrypted packets, spec/protocol/handshake-and-crypto.md §11.4–11.7.</summary>
public class PacketVectorTests
{
    private static readonly MapleIv ServerSendIv = MapleIv.FromHex("523078E9");
    private static readonly MapleIv ServerReceiveIv = MapleIv.FromHex("46727AB7");

    [Theory]
    [InlineData("GMS", 83, "D4 16 D6 16 75 15", "4E 01 44 01 7C A7 CF B7 A8 23 F0 55 68 E7")]
    [InlineData("GMS", 95, "D8 16 DA 16 75 15", "42 01 48 01 7C A7 CF B7 A8 23 F0 55 68 E7")]
    [InlineData("GMS", 12, "8B 16 89 16 35 24", "11 01 1B 01 2D 82 CE 29 80 2C 88 7D BE F3")]
    [InlineData("JMS", 185, "3E 16 3C 16 18 9C", "A4 01 AE 01 65 B1 61 E0 79 DA 46 70 F5 BF")]
    public void Server_to_client_packets_match_spec(string region, ushort major, string first, string second)
    {
        var version = new ClientVersion(region, major, 1);
        var send = MapleCipher.ServerSend(version, ServerSendIv);

        Assert.Equal(Hex.Normal(first), Hex.Of(Encrypt(send, "11 00")));
        Assert.Equal(Hex.Normal(second), Hex.Of(Encrypt(send, "7D 00 01 02 03 04 05 06 07 08")));
        Assert.Equal("4D3BB963", send.Iv.ToHex().ToUpperInvariant());

        // And a client decrypts them back.
        var receive = MapleCipher.ClientReceive(version, ServerSendIv);
        Assert.Equal("1100", Hex.Of(DecryptWire(receive, Hex.Bytes(first))));
        Assert.Equal("7D000102030405060708", Hex.Of(DecryptWire(receive, Hex.Bytes(second))));
    }

    [Fact]
    public void Third_v83_packet_matches_spec()
    {
        var send = MapleCipher.ServerSend(new ClientVersion("GMS", 83, 1), MapleIv.FromHex("4D3BB963"));
        Assert.Equal(Hex.Normal("15 9C 17 9C 90 4F"), Hex.Of(Encrypt(send, "11 00")));
        Assert.Equal("A3B77B35", send.Iv.ToHex().ToUpperInvariant());
    }

    [Theory]
    [InlineData("GMS", 83, "14 00 01 00 00 00", "29 B7 2F B7 D8 B6 B5 3F C8 B6")]
    [InlineData("GMS", 95, "14 00 01 00 00 00", "25 B7 23 B7 D8 B6 B5 3F C8 B6")]
    [InlineData("GMS", 12, "0A 01 00 00 00", "76 B7 73 B7 07 2A A7 30 E9")]
    [InlineData("JMS", 185, "14 00 01 00 00 00", "C3 B7 C5 B7 DD DE A1 DD CB 9A")]
    public void Client_to_server_packets_match_spec_and_validate(string region, ushort major, string body, string wire)
    {
        var version = new ClientVersion(region, major, 1);
        var clientSend = MapleCipher.ClientSend(version, ServerReceiveIv);
        Assert.Equal(Hex.Normal(wire), Hex.Of(Encrypt(clientSend, body)));

        var serverReceive = MapleCipher.ServerReceive(version, ServerReceiveIv);
        var bytes = Hex.Bytes(wire);
        Assert.True(serverReceive.IsValidHeader(bytes));
        Assert.Equal(Hex.Normal(body), Hex.Of(DecryptWire(serverReceive, bytes)));
        Assert.Equal("44950DC8", serverReceive.Iv.ToHex().ToUpperInvariant());
    }

    [Fact]
    public void V83_login_request_from_reference_tests_decrypts_to_chronicle()
    {
        var wire = Hex.Bytes("4A 2B 97 53 94 36 A1 B4 61 03 AB 01 A0 49 70 A0 62 95 28 7A 47 0D 1E 2E D7 F4 98 FC 37 11 94 BF 6C 19 80 69 33 F5 C4 50 5B ED 37 95 C3 B6 90 29 41");
        var iv = MapleIv.FromHex("0B608BAE");
        var afterAes = (byte[])wire.Clone();
        MapleAes.Transform(afterAes, iv, IvExpansion.RepeatFourBytes);
        Assert.Equal(Hex.Normal("90 B6 09 F8 2B C1 90 C0 DA 21 22 A8 27 BE 33 20 18 E3 FB 7F 51 98 AF 42 75 BA ED 56 D9 57 2D BC 7B 55 7B 04 7B BC EE C3 3A 44 5E 1E 02 86 0F FD B1"), Hex.Of(afterAes));

        var cipher = MapleCipher.ServerReceive(new ClientVersion("GMS", 83, 1), iv);
        var body = (byte[])wire.Clone();
        cipher.Decrypt(body);
        Assert.Equal(Hex.Normal("01 00 09 00 43 68 72 6F 6E 69 63 6C 65 07 00 6A 65 73 73 69 63 61 00 00 00 00 00 00 C9 5A 0A 46 00 00 00 00 FC 0A 00 00 00 00 02 00 00 00 00 00 00"), Hex.Of(body));

        var reader = new Packets.PacketReader(body);
        Assert.Equal(0x0001, reader.ReadUInt16());
        Assert.Equal("Chronicle", reader.ReadString());
        Assert.Equal("jessica", reader.ReadString());
    }

    [Fact]
    public void V12_login_request_from_reference_tests_decrypts_to_chronicle()
    {
        var wire = Hex.Bytes("F7 83 4C 9D D9 93 DA 0C 17 8A F4 07 35 D2 27 84 BC 7E 66 CC 73 EC CD 4F 77 3A 66 24 17 FE ED 42 C2 F1 FB AD 4E 01 BB A1 AD");
        var iv = MapleIv.FromHex("46727AB7");
        var afterAes = (byte[])wire.Clone();
        MapleAes.Transform(afterAes, iv, IvExpansion.FillWithFirstByte);
        Assert.Equal(Hex.Normal("D6 4A C2 27 DB D7 6B F4 EF 2D C3 80 B5 68 05 DD B5 24 F2 DF CB 80 58 DE 6C 5C F4 33 5E BD E5 52 E1 C0 19 35 F0 0C 01 3E B4"), Hex.Of(afterAes));

        var cipher = MapleCipher.ServerReceive(new ClientVersion("GMS", 12, 1), iv);
        var body = (byte[])wire.Clone();
        cipher.Decrypt(body);
        Assert.Equal(Hex.Normal("01 09 00 43 68 72 6F 6E 69 63 6C 65 07 00 6A 65 73 73 69 63 61 00 00 00 00 00 00 C9 5A 0A 46 00 00 00 00 FC 0A 00 00 00 00"), Hex.Of(body));

        var reader = new Packets.PacketReader(body);
        Assert.Equal(0x01, reader.ReadOpcode(1));
        Assert.Equal("Chronicle", reader.ReadString());
        Assert.Equal("jessica", reader.ReadString());
    }

    [Fact]
    public void Full_1500_byte_v83_packet_matches_spec_with_and_without_shanda()
    {
        var body = new byte[1500];
        for (var i = 0; i < body.Length; i++)
            body[i] = (byte)i;

        var wire = new byte[1504];
        MapleCipher.ServerSend(new ClientVersion("GMS", 83, 1), ServerSendIv).Encrypt(body, wire);
        Assert.Equal(Hex.Normal("D4 16 08 13"), Hex.Of(wire.AsSpan(0, 4)));
        Assert.Equal(Hex.Normal("C9 A1 AC 67 E5 80 3A A7"), Hex.Of(wire.AsSpan(4, 8)));
        Assert.Equal(Hex.Normal("96 1F 3B 2C 94 9F 45 2F"), Hex.Of(wire.AsSpan(1496, 8)));
        Assert.Equal("f606e4e851a2164a691cf573d48b40bc19a15861dda7e01c676a429b5f2cf170", Convert.ToHexStringLower(SHA256.HashData(wire)));

        // AES only: the same header, then body ^ keystream.
        var aesOnly = (byte[])body.Clone();
        MapleAes.Transform(aesOnly, ServerSendIv, IvExpansion.RepeatFourBytes);
        var aesWire = new byte[1504];
        wire.AsSpan(0, 4).CopyTo(aesWire);
        aesOnly.CopyTo(aesWire, 4);
        Assert.Equal("67fde10605bc2632eabdd93b252df7163c4e9fa41f9193031488eb71aaa84974", Convert.ToHexStringLower(SHA256.HashData(aesWire)));
    }

    [Theory]
    [InlineData("GMS", 83)]
    [InlineData("GMS", 87)]
    [InlineData("GMS", 92)]
    [InlineData("GMS", 95)]
    [InlineData("GMS", 12)]
    [InlineData("JMS", 185)]
    public void Random_packets_round_trip_both_directions(string region, ushort major)
    {
        var version = new ClientVersion(region, major, 1);
        var random = new Random(major);
        var (serverSend, clientReceive) = (MapleCipher.ServerSend(version, ServerSendIv), MapleCipher.ClientReceive(version, ServerSendIv));
        var (clientSend, serverReceive) = (MapleCipher.ClientSend(version, ServerReceiveIv), MapleCipher.ServerReceive(version, ServerReceiveIv));
        for (var i = 0; i < 200; i++)
        {
            var body = new byte[random.Next(2, i % 20 == 0 ? 6000 : 300)];
            random.NextBytes(body);
            Assert.Equal(body, DecryptWire(clientReceive, Encrypt(serverSend, Hex.Of(body))));
            Assert.Equal(body, DecryptWire(serverReceive, Encrypt(clientSend, Hex.Of(body))));
        }

        Assert.Equal(serverSend.Iv, clientReceive.Iv);
        Assert.Equal(clientSend.Iv, serverReceive.Iv);
    }

    [Theory]
    [InlineData("GMS", 83)]
    [InlineData("JMS", 185)]
    public void A_body_shanda_encrypted_ahead_gives_the_same_wire_bytes_and_iv_steps(string region, ushort major)
    {
        var version = new ClientVersion(region, major, 1);
        var whole = MapleCipher.ServerSend(version, ServerSendIv);
        var split = MapleCipher.ServerSend(version, ServerSendIv);
        Assert.Equal(region == "GMS", split.UsesShanda);
        foreach (var length in (int[])[2, 10, 31, 64, 1500, 3000])
        {
            var body = Enumerable.Range(0, length).Select(i => (byte)(i * 7 + length)).ToArray();
            var expected = new byte[length + 4];
            whole.Encrypt(body, expected);

            var actual = new byte[length + 4];
            body.CopyTo(actual, 4);
            if (split.UsesShanda)
            {
                Shanda.Encrypt(actual.AsSpan(4));
                split.EncryptAfterShandaInPlace(actual);
            }
            else
            {
                split.EncryptInPlace(actual);
            }

            Assert.Equal(Hex.Of(expected), Hex.Of(actual));
        }

        Assert.Equal(whole.Iv, split.Iv);
    }

    private static byte[] Encrypt(MapleCipher cipher, string body)
    {
        var plain = Hex.Bytes(body);
        var wire = new byte[plain.Length + 4];
        cipher.Encrypt(plain, wire);
        return wire;
    }

    private static byte[] DecryptWire(MapleCipher cipher, byte[] wire)
    {
        Assert.True(cipher.IsValidHeader(wire));
        var length = PacketHeader.ReadLength(wire);
        Assert.Equal(wire.Length - 4, length);
        var body = wire.AsSpan(4).ToArray();
        cipher.Decrypt(body);
        return body;
    }
}
