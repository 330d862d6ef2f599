using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Field;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using static AtlasChannel.Tests.Field.Fixtures;

namespace AtlasChannel.Tests.Field;

public sealed class CharacterKeyMapPacketTests
{
    [Fact]
    public void Key_map_has_90_entries_with_the_stored_bindings_in_place()
    {
        var keyMap = CharacterKeyMap.From(RestResources.ReadKeys(RestExample("keys.list.json")));
        using var writer = new PacketWriter();
        CharacterKeyMapPacket.WriteKeyMap(writer, BundledTemplates.Load(V83), V83, keyMap);
        var bytes = writer.ToArray();

        Assert.Equal(2 + 1 + 90 * 5, bytes.Length);
        Assert.Equal(Hex.Normal("4F 01 00"), Hex.Of(bytes.AsSpan(0, 3)));
        var entries = bytes[3..];
        Assert.Equal(Hex.Normal("04 0A 00 00 00"), Hex.Of(entries.AsSpan(2 * 5, 5)));
        Assert.Equal(Hex.Normal("04 00 00 00 00"), Hex.Of(entries.AsSpan(18 * 5, 5)));
        Assert.Equal(Hex.Normal("05 34 00 00 00"), Hex.Of(entries.AsSpan(29 * 5, 5)));
        Assert.Equal(3, Enumerable.Range(0, 90).Count(i => entries[i * 5] != 0));
    }

    [Fact]
    public void No_stored_bindings_means_the_client_default_layout()
    {
        using var writer = new PacketWriter();
        CharacterKeyMapPacket.WriteKeyMap(writer, BundledTemplates.Load(V83), V83, CharacterKeyMap.From([]));
        Assert.Equal(Hex.Normal("4F 01 01"), Hex.Of(writer.WrittenSpan));
    }

    [Fact]
    public void Auto_potions_come_from_keys_91_and_92()
    {
        var keyMap = CharacterKeyMap.From(RestResources.ReadKeys(Fixtures.Sandbox("characters", "1", "keys.json")));
        Assert.Equal((2000000, 2000006), (keyMap.AutoHpItemId, keyMap.AutoMpItemId));
        Assert.DoesNotContain(keyMap.Bindings, b => b.Key >= 90);

        using var hp = new PacketWriter();
        CharacterKeyMapPacket.WriteAutoHp(hp, BundledTemplates.Load(V83), V83, keyMap);
        Assert.Equal(Hex.Normal("50 01 80 84 1E 00"), Hex.Of(hp.WrittenSpan));
        using var mp = new PacketWriter();
        CharacterKeyMapPacket.WriteAutoMp(mp, BundledTemplates.Load(V83), V83, keyMap);
        Assert.Equal(Hex.Normal("51 01 86 84 1E 00"), Hex.Of(mp.WrittenSpan));
    }
}
