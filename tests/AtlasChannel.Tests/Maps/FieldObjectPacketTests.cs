using AtlasChannel.Features.Maps;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tests.Field;

namespace AtlasChannel.Tests.Maps;

/// <summary>The field-object writers against the spec's hand-derived vectors.</summary>
public sealed class FieldObjectPacketTests
{
    private static readonly ClientVersion V83 = new("GMS", 83, 1);

    private static string Bytes(Action<PacketWriter> write)
    {
        using var writer = new PacketWriter();
        write(writer);
        return Hex.Of(writer.ToArray());
    }

    // monster-drop-reactor.md §1.5: uniqueId 5001, controlled, 100100, (100, 200), moveAction 5, home foothold 300.
    private static readonly FieldMonster SpecMonster = new(5001, 100100, Controlled: true, 100, 200, 5, 300, Team: 0);

    [Fact]
    public void SpawnMonster_reproduces_the_spec_example_byte_for_byte()
    {
        const string expected =
            "89 13 00 00 01 04 87 01 00" + "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" +
            "64 00 C8 00 05 00 00 2C 01 FE 00 00 00 00 00";
        var bytes = Bytes(w => FieldObjectPackets.WriteSpawnMonster(w, V83, SpecMonster, FieldObjectPackets.AppearRegen));
        Assert.Equal(Hex.Normal(expected), bytes);
        Assert.Equal(40, bytes.Length / 2);
    }

    [Fact]
    public void SpawnMonster_revived_carries_the_parent_and_later_versions_the_phase()
    {
        var revived = SpecMonster with { Controlled = false, Team = -1 };
        var bytes = Bytes(w => FieldObjectPackets.WriteSpawnMonster(w, V83, revived, FieldObjectPackets.AppearRevived, appearOption: 5000));
        Assert.StartsWith(Hex.Normal("89 13 00 00 05"), bytes, StringComparison.Ordinal);
        Assert.EndsWith(Hex.Normal("2C 01 FD 88 13 00 00 FF 00 00 00 00"), bytes, StringComparison.Ordinal);

        var v83 = Bytes(w => FieldObjectPackets.WriteSpawnMonster(w, V83, SpecMonster, FieldObjectPackets.AppearRegen));
        foreach (var version in new[] { new ClientVersion("GMS", 87, 1), new ClientVersion("GMS", 95, 1), new ClientVersion("JMS", 185, 1) })
            Assert.Equal(v83 + "00000000", Bytes(w => FieldObjectPackets.WriteSpawnMonster(w, version, SpecMonster, FieldObjectPackets.AppearRegen)));
    }

    [Fact]
    public void SpawnMonster_for_the_map_entry_snapshot_has_no_appear_option()
    {
        var bytes = Bytes(w => FieldObjectPackets.WriteSpawnMonster(w, V83, SpecMonster, FieldObjectPackets.AppearNormal));
        Assert.EndsWith(Hex.Normal("2C 01 FF 00 00 00 00 00"), bytes, StringComparison.Ordinal);
        Assert.Equal(40, bytes.Length / 2);
    }

    // §8.5: dropId 9001.., item 4001000, owner 1234, ownType 0, at (100, −200), dropper 5001 at (80, −180), delay 50.
    private static readonly FieldDrop SpecItem = new(9001, 4001000, 0, 1234, 0, 100, -200, 5001, 80, -180, PlayerDrop: false);

    [Fact]
    public void DropSpawn_matches_the_three_spec_examples()
    {
        Assert.Equal(
            Hex.Normal("01 29 23 00 00 00 E8 0C 3D 00 D2 04 00 00 00 64 00 38 FF 89 13 00 00 50 00 4C FF 32 00 FF FF FF FF FF FF FF FF 01"),
            Bytes(w => FieldObjectPackets.WriteDropSpawn(w, SpecItem, FieldObjectPackets.DropEnterFresh, delay: 50)));
        var meso = SpecItem with { DropId = 9002, ItemId = 0, Meso = 500, PlayerDrop = true };
        Assert.Equal(
            Hex.Normal("01 2A 23 00 00 01 F4 01 00 00 D2 04 00 00 00 64 00 38 FF 89 13 00 00 50 00 4C FF 32 00 00"),
            Bytes(w => FieldObjectPackets.WriteDropSpawn(w, meso, FieldObjectPackets.DropEnterFresh, delay: 50)));
        var existing = SpecItem with { DropId = 9003 };
        Assert.Equal(
            Hex.Normal("02 2B 23 00 00 00 E8 0C 3D 00 D2 04 00 00 00 64 00 38 FF 89 13 00 00 FF FF FF FF FF FF FF FF 01"),
            Bytes(w => FieldObjectPackets.WriteDropSpawn(w, existing, FieldObjectPackets.DropEnterExisting)));
    }

    [Fact]
    public void ReactorSpawn_matches_the_spec_example()
    {
        var reactor = new FieldReactor(0x01020304, 2000, 1, 300, -400, 0, "gate");
        Assert.Equal(Hex.Normal("04 03 02 01 D0 07 00 00 01 2C 01 70 FE 00 04 00 67 61 74 65"),
            Bytes(w => FieldObjectPackets.WriteReactorSpawn(w, V83, reactor)));
    }

    [Fact]
    public void Clock_and_transport_state_match_the_spec_examples()
    {
        Assert.Equal(Hex.Normal("01 0D 05 09"), Bytes(w => FieldObjectPackets.WriteTownClock(w, new TimeOnly(13, 5, 9))));
        Assert.Equal(Hex.Normal("02 00"), Bytes(w => FieldObjectPackets.WriteTransportState(w, FieldObjectPackets.TransportMove1)));
        Assert.Equal(Hex.Normal("02 01"), Bytes(w => FieldObjectPackets.WriteTransportState(w, FieldObjectPackets.TransportMove1, overrideAppear: true)));
    }
}
