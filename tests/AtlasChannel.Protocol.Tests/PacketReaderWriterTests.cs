using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Protocol.Tests;

/// <summary>spec/protocol/handshake-and-crypto.md §10: primitive encodings.</summary>
public class PacketReaderWriterTests
{
    [Fact]
    public void Primitives_are_little_endian_and_read_back()
    {
        using var writer = new PacketWriter();
        writer.WriteByte(0xAB).WriteSByte(-2).WriteBool(true).WriteBool(false)
            .WriteInt16(-2).WriteUInt16(0x1234).WriteInt32(-3).WriteUInt32(0xDEADBEEF)
            .WriteInt64(-4).WriteUInt64(0x0102030405060708).WritePosition(-100, 200);
        Assert.Equal(
            Hex.Normal("AB FE 01 00 FE FF 34 12 FD FF FF FF EF BE AD DE FC FF FF FF FF FF FF FF 08 07 06 05 04 03 02 01 9C FF C8 00"),
            Hex.Of(writer.WrittenSpan));

        var reader = new PacketReader(writer.WrittenSpan);
        Assert.Equal(0xAB, reader.ReadByte());
        Assert.Equal(-2, reader.ReadSByte());
        Assert.True(reader.ReadBool());
        Assert.False(reader.ReadBool());
        Assert.Equal(-2, reader.ReadInt16());
        Assert.Equal(0x1234, reader.ReadUInt16());
        Assert.Equal(-3, reader.ReadInt32());
        Assert.Equal(0xDEADBEEF, reader.ReadUInt32());
        Assert.Equal(-4, reader.ReadInt64());
        Assert.Equal(0x0102030405060708UL, reader.ReadUInt64());
        Assert.Equal(new Position(-100, 200), reader.ReadPosition());
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Any_non_zero_byte_reads_as_true()
    {
        var reader = new PacketReader([0x02, 0xFF, 0x00]);
        Assert.True(reader.ReadBool());
        Assert.True(reader.ReadBool());
        Assert.False(reader.ReadBool());
    }

    [Fact]
    public void Strings_are_u16_length_prefixed_without_terminator()
    {
        using var writer = new PacketWriter();
        writer.WriteString("Chronicle").WriteString(string.Empty).WriteString(null);
        Assert.Equal(Hex.Normal("09 00 43 68 72 6F 6E 69 63 6C 65 00 00 00 00"), Hex.Of(writer.WrittenSpan));
        var reader = new PacketReader(writer.WrittenSpan);
        Assert.Equal("Chronicle", reader.ReadString());
        Assert.Equal(string.Empty, reader.ReadString());
        Assert.Equal(string.Empty, reader.ReadString());
    }

    [Fact]
    public void Padded_strings_are_cut_or_zero_filled_to_the_width()
    {
        using var writer = new PacketWriter();
        writer.WritePaddedString("Admin", 13).WritePaddedString("ThisNameIsTooLong", 13);
        Assert.Equal(Hex.Normal("41 64 6D 69 6E 00 00 00 00 00 00 00 00") + Hex.Of("ThisNameIsToo"u8), Hex.Of(writer.WrittenSpan));
        var reader = new PacketReader(writer.WrittenSpan);
        Assert.Equal("Admin", reader.ReadPaddedString(13));
        Assert.Equal("ThisNameIsToo", reader.ReadPaddedString(13));
    }

    [Fact]
    public void Shift_jis_strings_round_trip_for_jms()
    {
        var encoding = PacketEncoding.For(new ClientVersion("JMS", 185, 1));
        using var writer = new PacketWriter(encoding: encoding);
        writer.WriteString("メイプル");
        // Four full-width katakana: 2 bytes each in Shift-JIS.
        Assert.Equal(Hex.Normal("08 00 83 81 83 43 83 76 83 8B"), Hex.Of(writer.WrittenSpan));
        var reader = new PacketReader(writer.WrittenSpan, encoding);
        Assert.Equal("メイプル", reader.ReadString());
    }

    [Fact]
    public void Gms_strings_use_the_ansi_code_page()
    {
        using var writer = new PacketWriter();
        writer.WriteString("café");
        Assert.Equal(Hex.Normal("04 00 63 61 66 E9"), Hex.Of(writer.WrittenSpan));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Reading_past_the_end_throws_a_typed_exception(int width)
    {
        var data = new byte[width - 1];
        var ex = Assert.Throws<PacketReadException>(() =>
        {
            var reader = new PacketReader(data);
            _ = width switch
            {
                1 => reader.ReadByte(),
                2 => reader.ReadInt16(),
                4 => reader.ReadInt32(),
                _ => reader.ReadInt64(),
            };
        });
        Assert.Equal(width, ex.Wanted);
        Assert.Equal(width - 1, ex.Available);
    }

    [Fact]
    public void A_string_longer_than_the_packet_throws_instead_of_reading_garbage()
    {
        Assert.Throws<PacketReadException>(() =>
        {
            var reader = new PacketReader([0xFF, 0x00, 0x41]);
            reader.ReadString();
        });
    }

    [Fact]
    public void File_time_constants_and_conversion_match_spec()
    {
        using var writer = new PacketWriter();
        writer.WriteFileTime(PacketTime.NoExpiry).WriteFileTime(PacketTime.ZeroTime).WriteFileTime(PacketTime.Permanent)
            .WriteFileTime(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).WriteFileTime((DateTimeOffset?)null)
            .WriteFileTime(new DateTimeOffset(2024, 1, 1, 0, 0, 0, 999, TimeSpan.Zero));
        Assert.Equal(
            Hex.Normal("00 80 05 BB 46 E6 17 02 00 40 E0 FD 3B 37 4F 01 00 C0 9B 90 7D E5 17 02 00 C0 89 76 45 3C DA 01 FF FF FF FF FF FF FF FF 00 C0 89 76 45 3C DA 01"),
            Hex.Of(writer.WrittenSpan));
        Assert.Equal(new DateTimeOffset(2079, 1, 1, 0, 0, 0, TimeSpan.Zero), PacketTime.FromFileTime(PacketTime.NoExpiry));
        Assert.Equal(new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), PacketTime.FromFileTime(PacketTime.ZeroTime));
    }

    [Fact]
    public void Opcode_width_follows_the_version()
    {
        using var writer = new PacketWriter();
        writer.WriteOpcode(0x10C, 2).WriteOpcode(0x10C, 1);
        Assert.Equal(Hex.Normal("0C 01 0C"), Hex.Of(writer.WrittenSpan));
    }

    [Fact]
    public void Rented_writer_is_reused_on_the_same_thread_and_grows()
    {
        var first = PacketWriter.Rent();
        first.WriteZeroes(5000);
        first.Dispose();
        var second = PacketWriter.Rent();
        Assert.Same(first, second);
        Assert.Equal(0, second.Length);
        second.Dispose();
    }
}
