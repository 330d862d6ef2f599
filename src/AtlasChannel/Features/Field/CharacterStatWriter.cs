using AtlasChannel.Features.Characters;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Field;

/// <summary>GW_CharacterStat [C§4]: 93 bytes in v83.</summary>
public static class CharacterStatWriter
{
    public const int NameLength = 13;

    public static void Write(PacketWriter writer, CharacterStats stats, FieldLayout layout)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(layout);
        writer.WriteInt32(stats.Id)
            .WritePaddedString(stats.Name, NameLength)
            .WriteByte(stats.Gender)
            .WriteByte(stats.Skin)
            .WriteInt32(stats.Face)
            .WriteInt32(stats.Hair);
        for (var slot = 0; slot < 3; slot++)
            writer.WriteInt64(slot < stats.PetSerials.Count ? stats.PetSerials[slot] : 0);
        writer.WriteByte(stats.Level)
            .WriteInt16(stats.Job)
            .WriteInt16(stats.Strength)
            .WriteInt16(stats.Dexterity)
            .WriteInt16(stats.Intelligence)
            .WriteInt16(stats.Luck)
            // int16 on every version here: for v95 Atlas's SetField encoder keeps int16 while its login encoder widens
            // HP/MP to int32; the spec leaves that open (common.md §4), so this follows the SetField encoder.
            .WriteInt16(stats.Hp)
            .WriteInt16(stats.MaxHp)
            .WriteInt16(stats.Mp)
            .WriteInt16(stats.MaxMp)
            .WriteInt16(stats.Ap);
        if (layout.HasEvanExtendedSp && FieldLayout.IsEvanJob(stats.Job))
            writer.WriteByte(0); // extended-SP entry count; Atlas always sends none
        else
            writer.WriteInt16(stats.Sp);
        writer.WriteInt32(stats.Experience)
            .WriteInt16(stats.Fame)
            .WriteInt32(stats.GachaponExperience)
            .WriteInt32(stats.MapId)
            .WriteByte(stats.SpawnPoint);
        if (layout.IsJapan)
        {
            writer.WriteInt16(0).WriteInt64(0).WriteInt32(0).WriteInt32(0).WriteInt32(0);
            return;
        }

        writer.WriteInt32(0);
        if (layout.HasSubJob)
            writer.WriteInt16(0);
    }
}
