using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Pets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// What a CharacterSpawn shows of one character: the snapshot plus where it stands. <see cref="EnteringField"/> = the
/// character is arriving (it drops in at y − 42 with stance 6), otherwise it is already standing there.
/// </summary>
public readonly record struct SpawnView(CharacterSnapshot Character, Position Position, byte Stance, short Foothold, bool EnteringField, SpawnGuild? Guild = null);

/// <summary>The guild name and emblem shown over a spawned character.</summary>
public sealed record SpawnGuild(string Name, short LogoBackground, byte LogoBackgroundColor, short Logo, byte LogoColor);

/// <summary>Encoders of the field presence packets (field.md §4, §5) and decoders of the map-change requests (§8, §9).</summary>
public static class MapPackets
{
    public const string CharacterSpawnWriter = "CharacterSpawn";
    public const string CharacterDespawnWriter = "CharacterDespawn";

    private const int EmptyForeignBuffBlockLength = 18;

    /// <summary>CharacterSpawn body (field.md §4). Buffs, chair, mini room, chalkboard and rings are not known here and written empty.</summary>
    public static void WriteCharacterSpawn(PacketWriter writer, ClientVersion version, in SpawnView view)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(version);
        var global = !version.IsJapan;
        var major = version.Major;
        var character = view.Character;
        var stats = character.Stats;

        writer.WriteInt32(stats.Id);
        if (version.IsJapan || major >= 83)
            writer.WriteByte(stats.Level);
        writer.WriteString(stats.Name);
        var guild = view.Guild;
        writer.WriteString(guild?.Name ?? string.Empty)
            .WriteInt16(guild?.LogoBackground ?? 0).WriteByte(guild?.LogoBackgroundColor ?? 0)
            .WriteInt16(guild?.Logo ?? 0).WriteByte(guild?.LogoColor ?? 0);
        writer.WriteZeroes(EmptyForeignBuffBlockLength); // [C§7] no buffs: empty mask + defense bytes
        writer.WriteInt16(stats.Job);
        AvatarLook.Write(writer, character);

        var v95Like = version.IsJapan || (global && major >= 92);
        if (v95Like)
            writer.WriteInt32(0).WriteInt32(0); // driver, passenger
        writer.WriteInt32(0); // heart chocolate count
        writer.WriteInt32(0); // item effect
        if (global && major >= 87)
            writer.WriteInt32(0); // completed set item
        writer.WriteInt32(0); // portable chair

        if (view.EnteringField)
            writer.WriteInt16(view.Position.X).WriteInt16(unchecked((short)(view.Position.Y - 42))).WriteByte(6).WriteInt16(0);
        else
            writer.WriteInt16(view.Position.X).WriteInt16(view.Position.Y).WriteByte(view.Stance).WriteInt16(view.Foothold);
        if (global)
            writer.WriteByte(0); // admin effect

        for (sbyte slot = 0; slot < 3; slot++)
        {
            foreach (var pet in character.Pets)
            {
                if (pet.Slot != slot)
                    continue;
                writer.WriteByte(1);
                PetPackets.WritePetRecord(writer, pet);
            }
        }

        writer.WriteByte(0); // pet terminator
        writer.WriteInt32(1).WriteInt32(0).WriteInt32(0); // no mount: level 1, exp 0, tiredness 0
        writer.WriteByte(0); // mini-room balloon: none
        writer.WriteByte(0); // chalkboard: none
        writer.WriteByte(0).WriteByte(0).WriteByte(0); // couple, friendship, marriage ring looks: none

        if (version.IsJapan)
        {
            writer.WriteByte(0).WriteByte(0); // the two JMS flag bytes
            return;
        }

        if (major >= 92)
        {
            if (major < 95)
                writer.WriteByte(0); // new-year block: Atlas encodes v92 like v95 but keeps it
            writer.WriteByte(0); // final effect
            writer.WriteByte(0).WriteInt32(0); // new-year card, phase
            writer.WriteByte(0); // team
            return;
        }

        if (major >= 61)
            writer.WriteByte(0); // new-year card block: none
        writer.WriteByte(0); // final effect
        if (major >= 83)
            writer.WriteByte(0).WriteByte(0); // second effect (v83–v87), team
    }

    /// <summary>CharacterDespawn body (field.md §5).</summary>
    public static void WriteCharacterDespawn(PacketWriter writer, int characterId)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInt32(characterId);
    }

    /// <summary>
    /// MapChangeHandle (field.md §8) without the empty-body case. Only what the channel uses is returned; the
    /// revive / chase tail is read so a truncated packet is rejected.
    /// </summary>
    public static MapChangeRequest ReadMapChange(ref PacketReader reader, ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var fieldKey = reader.ReadByte();
        var targetMapId = reader.ReadInt32();
        var portalName = reader.ReadString();
        // x/y follow a non-empty name (v83 audit; Atlas afa366ebba had this inverted).
        Position? position = portalName.Length > 0 ? new Position(reader.ReadInt16(), reader.ReadInt16()) : null;
        reader.ReadByte(); // unused
        var premium = reader.ReadBool();
        (int X, int Y)? chase = null;
        if (!version.IsJapan && version.Major >= 83 && reader.ReadBool())
            chase = (reader.ReadInt32(), reader.ReadInt32());
        return new MapChangeRequest(fieldKey, targetMapId, portalName, position, premium, chase);
    }

    /// <summary>PortalScriptHandle (field.md §9).</summary>
    public static PortalScriptRequest ReadPortalScript(ref PacketReader reader)
    {
        var fieldKey = reader.ReadByte();
        var portalName = reader.ReadString();
        var position = new Position(reader.ReadInt16(), reader.ReadInt16());
        return new PortalScriptRequest(fieldKey, portalName, position);
    }
}

public sealed record MapChangeRequest(byte FieldKey, int TargetMapId, string PortalName, Position? Position, bool Premium, (int X, int Y)? Chase);

public sealed record PortalScriptRequest(byte FieldKey, string PortalName, Position Position);
