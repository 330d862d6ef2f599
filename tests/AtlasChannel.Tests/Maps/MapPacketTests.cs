using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Maps;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Tests.Field;

namespace AtlasChannel.Tests.Maps;

/// <summary>CharacterSpawn / CharacterDespawn (field.md §4, §5), AvatarLook [C§3] and the map-change decoders (§8, §9).</summary>
public sealed class MapPacketTests
{
    private static readonly ClientVersion V83 = new("GMS", 83, 1);

    // [C§3] example avatar: male, skin 0, face 20000, hair 30000, top, bottom, shoes, weapon, no pets.
    internal static CharacterSnapshot SpecCharacter(int id = 12345, string name = "TestChar") => new()
    {
        Stats = new CharacterStats { Id = id, Name = name, Level = 50, Job = 100, Face = 20000, Hair = 30000, Hp = 500, MaxHp = 500 },
        Inventory = new CharacterInventory
        {
            Equipped = ValueList.Of(
                new EquipItem { Position = -5, TemplateId = 1040002 },
                new EquipItem { Position = -6, TemplateId = 1060002 },
                new EquipItem { Position = -7, TemplateId = 1072001 },
                new EquipItem { Position = -11, TemplateId = 1302000 }),
        },
    };

    internal const string SpecAvatar =
        "00 00 20 4E 00 00 01 30 75 00 00 05 82 DE 0F 00 06 A2 2C 10 00 07 81 5B 10 00 0B F0 DD 13 00 FF " +
        "FF 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00";

    private static byte[] Spawn(ClientVersion version, SpawnView view)
    {
        using var writer = new PacketWriter();
        MapPackets.WriteCharacterSpawn(writer, version, view);
        return writer.ToArray();
    }

    [Fact]
    public void Avatar_look_matches_the_common_spec_example()
    {
        using var writer = new PacketWriter();
        AvatarLook.Write(writer, SpecCharacter());
        Assert.Equal(Hex.Normal(SpecAvatar), Hex.Of(writer.ToArray()));
        Assert.Equal(49, writer.ToArray().Length);
    }

    [Fact]
    public void Avatar_look_masks_regular_equips_under_cash_ones_and_writes_the_cash_weapon_as_sticker()
    {
        var character = SpecCharacter() with
        {
            Inventory = new CharacterInventory
            {
                Equipped = ValueList.Of(
                    new EquipItem { Position = -105, TemplateId = 1042003, IsCash = true }, // cash top over the regular top
                    new EquipItem { Position = -5, TemplateId = 1040002 },
                    new EquipItem { Position = -11, TemplateId = 1302000 },
                    new EquipItem { Position = -111, TemplateId = 1702000, IsCash = true }),
            },
            Pets = ValueList.Of(new CharacterPet(1, 77, 5000001, "Kitty", 1, 0, 100, 1, 0, 0, 0, 0)),
        };
        using var writer = new PacketWriter();
        AvatarLook.Write(writer, character);
        const string expected =
            "00 00 20 4E 00 00 01 30 75 00 00" +
            "05 53 E6 0F 00  0B F0 DD 13 00  FF" + // visible: cash top in slot 5, the real weapon stays in 11
            "05 82 DE 0F 00  FF" +                 // masked: the regular top
            "70 F8 19 00" +                        // weapon sticker 1702000
            "00 00 00 00  41 4B 4C 00  00 00 00 00"; // pet slot 1: 5000001
        Assert.Equal(Hex.Normal(expected), Hex.Of(writer.ToArray()));
    }

    [Fact]
    public void Character_spawn_matches_the_field_spec_example()
    {
        var view = new SpawnView(SpecCharacter(), new Position(100, 200), 3, 0, EnteringField: false, new SpawnGuild("TestGuild", 1, 2, 3, 4));
        const string expected =
            "39 30 00 00 32 08 00 54 65 73 74 43 68 61 72 09 00 54 65 73 74 47 75 69 6C 64 01 00 02 03 00 04" +
            "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" +
            "64 00" + SpecAvatar +
            "00 00 00 00 00 00 00 00 00 00 00 00" +
            "64 00 C8 00 03 00 00 00" +
            "00 01 00 00 00 00 00 00 00 00 00 00 00" +
            "00 00 00 00 00 00 00 00 00";
        var bytes = Spawn(V83, view);
        Assert.Equal(Hex.Normal(expected), Hex.Of(bytes));
        Assert.Equal(143, bytes.Length);
    }

    [Fact]
    public void Entering_character_drops_in_42_pixels_above_with_stance_6_and_foothold_0()
    {
        var view = new SpawnView(SpecCharacter(), new Position(100, 200), 3, 17, EnteringField: true);
        var bytes = Spawn(V83, view);
        // Without a guild the name block is 2 + 6 bytes; the position block sits 9 + 8 + 18 + 2 + 49 + 12 bytes in.
        var offset = 4 + 1 + 10 + 2 + 6 + 18 + 2 + 49 + 12;
        Assert.Equal(Hex.Normal("64 00 9E 00 06 00 00 00"), Hex.Of(bytes.AsSpan(offset, 8))); // y 200 − 42 = 158
        Assert.Equal(offset + 8 + 13 + 9, bytes.Length);
    }

    [Fact]
    public void Summoned_pets_follow_the_position_block_as_remote_pet_records()
    {
        var character = SpecCharacter() with { Pets = ValueList.Of(new CharacterPet(1, 0x0102, 5000000, "Ki", 1, 0, 100, 0, 10, 20, 4, 7)) };
        var bytes = Spawn(V83, new SpawnView(character, new Position(100, 200), 3, 0, EnteringField: false));
        var offset = 4 + 1 + 10 + 2 + 6 + 18 + 2 + 49 + 12 + 8;
        const string pet = "01 40 4B 4C 00 02 00 4B 69 02 01 00 00 00 00 00 00 0A 00 14 00 04 07 00 00 00" + "00";
        Assert.Equal(Hex.Normal(pet), Hex.Of(bytes.AsSpan(offset, 27)));
    }

    [Fact]
    public void Character_despawn_is_the_character_id()
    {
        using var writer = new PacketWriter();
        MapPackets.WriteCharacterDespawn(writer, 12345);
        Assert.Equal("39300000", Hex.Of(writer.ToArray()));
    }

    [Fact]
    public void Map_change_reads_x_and_y_after_a_non_empty_portal_name()
    {
        var reader = new PacketReader(Hex.Bytes("01 00 E1 F5 05 06 00 77 65 73 74 30 30 64 00 C8 00 00 00 00"));
        var request = MapPackets.ReadMapChange(ref reader, V83);
        Assert.Equal("west00", request.PortalName);
        Assert.Equal(100000000, request.TargetMapId);
        Assert.Equal(new Position(100, 200), request.Position);
        Assert.Null(request.Chase);
        Assert.Equal(0, reader.Remaining);
    }

    [Fact]
    public void Map_change_without_a_portal_name_has_no_position_and_reads_the_chase_target()
    {
        var reader = new PacketReader(Hex.Bytes("01 FF FF FF FF 00 00 00 01 01 0A 00 00 00 14 00 00 00"));
        var request = MapPackets.ReadMapChange(ref reader, V83);
        Assert.Equal(-1, request.TargetMapId);
        Assert.Null(request.Position);
        Assert.True(request.Premium);
        Assert.Equal((10, 20), request.Chase);
    }

    [Fact]
    public void Truncated_map_change_throws_a_read_exception()
    {
        Assert.Throws<PacketReadException>(() =>
        {
            var reader = new PacketReader(Hex.Bytes("01 FF FF FF FF 06 00 77 65"));
            MapPackets.ReadMapChange(ref reader, V83);
        });
    }

    [Fact]
    public void Portal_script_reads_key_name_and_position()
    {
        var reader = new PacketReader(Hex.Bytes("01 04 00 65 61 73 74 64 00 C8 00"));
        var request = MapPackets.ReadPortalScript(ref reader);
        Assert.Equal("east", request.PortalName);
        Assert.Equal(new Position(100, 200), request.Position);
    }
}
