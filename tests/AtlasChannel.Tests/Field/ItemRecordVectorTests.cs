using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Field;
using AtlasChannel.Protocol.Packets;
using static AtlasChannel.Tests.Field.Fixtures;

namespace AtlasChannel.Tests.Field;

/// <summary>The item record examples of common.md §5.3–§5.6.</summary>
public sealed class ItemRecordVectorTests
{
    private const string Weapon =
        "0B 00 01 F0 DD 13 00 00 FF FF FF FF FF FF FF FF 07 00 00 00 00 00 00 00 00 00 00 00 00 00 11 00" +
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00" +
        "00 00 00 00 00 00 00 40 E0 FD 3B 37 4F 01 FF FF FF FF";

    private const string CashCap =
        "01 00 01 CA 4A 0F 00 01 C1 CF 6A 00 00 00 00 00 FF FF FF FF FF FF FF FF 07 00 00 00 00 00 00 00" +
        "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 40 40 40 40" +
        "40 40 40 40 40 40 00 40 E0 FD 3B 37 4F 01 FF FF FF FF";

    private const string Kitty =
        "01 03 40 4B 4C 00 01 BB 4B 4C 00 00 00 00 00 FF FF FF FF FF FF FF FF 4B 69 74 74 79 00 00 00 00" +
        "00 00 00 00 01 00 00 64 00 00 00 00 00 00 00 00 00 00 00 00 50 46 00 00 00 00";

    private static readonly EquipItem WeaponItem = new() { Position = -11, TemplateId = 1302000, UpgradeSlots = 7, WeaponAttack = 17 };

    private static string Write(Action<PacketWriter> write)
    {
        using var writer = new PacketWriter();
        write(writer);
        return Hex.Of(writer.WrittenSpan);
    }

    [Fact]
    public void Equipped_weapon_matches_the_spec()
    {
        var hex = Write(w => ItemRecordWriter.WriteEquip(w, WeaponItem, FieldLayout.For(V83)));
        Assert.Equal(82 * 2, hex.Length);
        Assert.Equal(Hex.Normal(Weapon), hex);
    }

    [Fact]
    public void Cash_cap_at_minus_101_goes_to_wire_slot_1_with_the_0x40_filler()
    {
        var cap = new EquipItem { Position = -101, TemplateId = 1002186, IsCash = true, CashSerial = 7000001, UpgradeSlots = 7 };
        var hex = Write(w => ItemRecordWriter.WriteEquip(w, cap, FieldLayout.For(V83)));
        Assert.Equal(82 * 2, hex.Length);
        Assert.Equal(Hex.Normal(CashCap), hex);
    }

    [Fact]
    public void V84_equip_gains_durability_minus_one_after_the_item_exp()
    {
        // Fields 0–27 are 58 bytes; durability goes between 27 (itemExp) and 28 (hammers).
        var v83 = Hex.Normal(Weapon);
        var expected = v83[..(58 * 2)] + "FFFFFFFF" + v83[(58 * 2)..];
        Assert.Equal(expected, Write(w => ItemRecordWriter.WriteEquip(w, WeaponItem, FieldLayout.For(V84))));
    }

    [Fact]
    public void Cash_equip_has_no_durability_even_on_v84()
    {
        var cap = new EquipItem { Position = -101, TemplateId = 1002186, IsCash = true, CashSerial = 7000001, UpgradeSlots = 7 };
        Assert.Equal(Hex.Normal(CashCap), Write(w => ItemRecordWriter.WriteEquip(w, cap, FieldLayout.For(V84))));
    }

    [Fact]
    public void Jms_equip_has_its_extra_byte_and_trailing_block()
    {
        // byte 0 after field 7 (offset 26), and byte 0, 5 × int16 0, int32 0 after field 28 (hammers end at 58 + 4).
        var v83 = Hex.Normal(Weapon);
        var expected = v83[..(26 * 2)] + "00" + v83[(26 * 2)..(62 * 2)] + Hex.Normal(Hex.Repeat("00", 15)) + v83[(62 * 2)..];
        Assert.Equal(expected, Write(w => ItemRecordWriter.WriteEquip(w, WeaponItem, FieldLayout.For(Jms185))));
    }

    [Fact]
    public void Potion_stack_matches_the_spec()
    {
        var potion = new StackableItem { Position = 1, TemplateId = 2000000, Quantity = 100 };
        Assert.Equal(Hex.Normal("01 02 80 84 1E 00 00 FF FF FF FF FF FF FF FF 64 00 00 00 00 00"), Write(w => ItemRecordWriter.WriteStackable(w, potion)));
    }

    [Fact]
    public void Throwing_stars_carry_the_recharge_serial()
    {
        var stars = new StackableItem { Position = 2, TemplateId = 2070000, Quantity = 800 };
        Assert.Equal(Hex.Normal("02 02 F0 95 1F 00 00 FF FF FF FF FF FF FF FF 20 03 00 00 00 00 00 00 00 00 00 00 00 00"),
            Write(w => ItemRecordWriter.WriteStackable(w, stars)));
    }

    [Fact]
    public void Teleport_rock_cash_item_matches_the_spec()
    {
        var rock = new CashItem { Position = 1, TemplateId = 5040000, CashSerial = 7000002, Quantity = 1 };
        Assert.Equal(Hex.Normal("01 02 80 E7 4C 00 01 C2 CF 6A 00 00 00 00 00 FF FF FF FF FF FF FF FF 01 00 00 00 00 00"),
            Write(w => ItemRecordWriter.WriteCash(w, rock)));
    }

    [Fact]
    public void Pet_matches_the_spec_and_writes_dead_date_zero_when_unset()
    {
        var kitty = new PetItem { Position = 1, TemplateId = 5000000, PetSerial = 5000123, Name = "Kitty", Level = 1, Closeness = 0, Fullness = 100 };
        var hex = Write(w => ItemRecordWriter.WritePet(w, kitty, ServerTime));
        Assert.Equal(58 * 2, hex.Length);
        Assert.Equal(Hex.Normal(Kitty), hex);
    }

    [Fact]
    public void Pet_dead_date_is_a_state_marker_not_a_clock()
    {
        // Elapsed → exactly DEFAULT_TIME (2079-01-01, the dried-up threshold); future → that date; never −1.
        Assert.Equal(0, ItemRecordWriter.DeadDate(null, ServerTime));
        Assert.Equal(150_842_304_000_000_000, ItemRecordWriter.DeadDate(ServerTime.AddDays(-1), ServerTime));
        Assert.Equal(132_223_104_000_000_000, ItemRecordWriter.DeadDate(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2019, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Equip_wire_slots_strip_sign_and_cash_offset()
    {
        Assert.Equal(11, ItemRecordWriter.EquipWireSlot(-11));
        Assert.Equal(1, ItemRecordWriter.EquipWireSlot(-101));
        Assert.Equal(11, ItemRecordWriter.EquipWireSlot(-111));
        Assert.Equal(3, ItemRecordWriter.EquipWireSlot(3));
    }
}
