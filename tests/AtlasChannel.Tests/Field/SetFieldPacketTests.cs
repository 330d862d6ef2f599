using AtlasChannel.Features.Field;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using static AtlasChannel.Tests.Field.Fixtures;

namespace AtlasChannel.Tests.Field;

/// <summary>SetField frames (field.md §1.1) and the warp form (§2).</summary>
public sealed class SetFieldPacketTests
{
    private static readonly DamageSeeds SpecSeeds = new(0x11111111, 0x22222222, 0x33333333);
    private static readonly DateTimeOffset SpecTime = DateTimeOffset.FromFileTime(0x0011223344556677);
    private static readonly DateTimeOffset Jan2020 = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string HeaderV83 = "01 00 00 00 01 01 00 00 11 11 11 11 22 22 22 22 33 33 33 33";
    private const string Trailer = "77 66 55 44 33 22 11 00";

    private static byte[] CharacterDataOf(ClientVersion version)
    {
        using var writer = new PacketWriter();
        CharacterDataWriter.Write(writer, TestChar(), FieldLayout.For(version), SpecTime);
        return writer.ToArray();
    }

    private static byte[] SetField(ClientVersion version, int channel = 1)
    {
        using var writer = new PacketWriter();
        SetFieldPacket.WriteCharacterData(writer, Opcodes(version), version, channel, SpecSeeds, TestChar(), SpecTime);
        return writer.ToArray();
    }

    private static byte[] Warp(ClientVersion version, WarpTarget target)
    {
        using var writer = new PacketWriter();
        SetFieldPacket.WriteWarp(writer, Opcodes(version), version, 0, target, Jan2020);
        return writer.ToArray();
    }

    [Fact]
    public void V83_frame_matches_the_spec_header_and_trailer()
    {
        var bytes = SetField(V83);
        var expected = "7D 00 " + HeaderV83 + " " + Hex.Of(CharacterDataOf(V83)) + " " + Trailer;
        Assert.Equal(2 + 20 + 222 + 8, bytes.Length);
        Assert.Equal(Hex.Normal(expected), Hex.Of(bytes));
    }

    [Fact]
    public void V84_frame_keeps_the_v83_header_the_v87_gate_is_not_at_84()
    {
        var bytes = SetField(V84);
        Assert.Equal(Hex.Normal(HeaderV83), Hex.Of(bytes.AsSpan(2, 20)));
        Assert.Equal(Hex.Normal(Trailer), Hex.Of(bytes.AsSpan(bytes.Length - 8)));
        Assert.Equal(2 + 20 + 222 + 8, bytes.Length);
    }

    [Fact]
    public void V87_frame_has_the_client_option_count_and_the_logout_gift_block()
    {
        var expected = "85 00 00 00 " + HeaderV83 + " " + Hex.Of(CharacterDataOf(V87)) + " " + Hex.Repeat("00", 16) + " " + Trailer;
        Assert.Equal(Hex.Normal(expected), Hex.Of(SetField(V87)));
    }

    [Fact]
    public void V95_frame_adds_the_old_driver_id_after_the_channel()
    {
        var expected = "8D 00 00 00 01 00 00 00 00 00 00 00 01 01 00 00 11 11 11 11 22 22 22 22 33 33 33 33 " +
            Hex.Of(CharacterDataOf(V95)) + " " + Hex.Repeat("00", 16) + " " + Trailer;
        Assert.Equal(Hex.Normal(expected), Hex.Of(SetField(V95)));
    }

    [Fact]
    public void Jms_frame_adds_a_byte_and_an_int_after_the_channel()
    {
        var expected = "7B 00 00 00 01 00 00 00 00 00 00 00 00 01 01 00 00 11 11 11 11 22 22 22 22 33 33 33 33 " +
            Hex.Of(CharacterDataOf(Jms185)) + " " + Hex.Repeat("00", 16) + " " + Trailer;
        Assert.Equal(Hex.Normal(expected), Hex.Of(SetField(Jms185)));
    }

    [Fact]
    public void V83_warp_matches_the_spec_example()
    {
        var bytes = Warp(V83, new WarpTarget(100000000, 2, 500));
        Assert.Equal(Hex.Normal("7D 00 00 00 00 00 00 00 00 00 00 00 E1 F5 05 02 F4 01 00 00 00 05 69 36 C0 D5 01"), Hex.Of(bytes));
    }

    [Fact]
    public void Warp_with_chase_and_revive_writes_the_target_point()
    {
        var bytes = Warp(V83, new WarpTarget(100000000, 2, 500, Revive: true, Chase: (-100, 250)));
        Assert.Equal(Hex.Normal("7D 00 00 00 00 00 00 00 00 00 01 00 E1 F5 05 02 F4 01 01 9C FF FF FF FA 00 00 00 00 00 05 69 36 C0 D5 01"), Hex.Of(bytes));
    }

    [Fact]
    public void V95_warp_has_int32_hp_and_the_old_driver_id()
    {
        var bytes = Warp(V95, new WarpTarget(100000000, 2, 500));
        Assert.Equal(Hex.Normal("8D 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 E1 F5 05 02 F4 01 00 00 00 00 00 05 69 36 C0 D5 01"), Hex.Of(bytes));
    }

    [Fact]
    public void Jms_warp_has_no_chase_fields()
    {
        var bytes = Warp(Jms185, new WarpTarget(100000000, 2, 500, Chase: (1, 2)));
        Assert.Equal(Hex.Normal("7B 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 E1 F5 05 02 F4 01 00 00 05 69 36 C0 D5 01"), Hex.Of(bytes));
    }

    [Fact]
    public void Reader_decodes_both_forms()
    {
        var full = SetFieldReader.Read(SetField(V83), V83);
        Assert.Equal(0x7D, full.Opcode);
        Assert.Equal(1, full.ChannelId);
        Assert.Equal(SpecSeeds, full.Seeds);
        Assert.Equal(0x0011223344556677, full.ServerTime);
        Assert.Equal(TestChar().Stats, full.Character!.Stats);

        var warp = SetFieldReader.Read(Warp(V95, new WarpTarget(100000000, 2, 70000)), V95);
        Assert.Null(warp.Character);
        Assert.Equal(new WarpTarget(100000000, 2, 70000), warp.Warp);
        Assert.Equal(132223104000000000, warp.ServerTime);
    }

    [Fact]
    public void A_table_without_SetField_is_an_error()
    {
        var table = OpcodeTable.Parse("""{"region":"GMS","majorVersion":83,"minorVersion":1,"socket":{"handlers":[],"writers":[]}}""");
        using var writer = new PacketWriter();
        Assert.Throws<InvalidOperationException>(() => SetFieldPacket.WriteWarp(writer, table, V83, 0, new WarpTarget(1, 0, 1), Jan2020));
    }
}
