using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Maps;

/// <summary>A monster in a field (MONSTERS, monsters.md).</summary>
public readonly record struct FieldMonster(uint UniqueId, uint MonsterId, bool Controlled, short X, short Y, byte Stance, short Foothold, sbyte Team);

/// <summary>A drop lying in a field (DROPS, drops.md). <see cref="OwnerId"/> is already the party id for party drops.</summary>
public readonly record struct FieldDrop(uint DropId, uint ItemId, uint Meso, uint OwnerId, byte OwnType, short X, short Y, uint DropperId, short DropperX, short DropperY, bool PlayerDrop)
{
    public bool IsMeso => Meso > 0;
}

/// <summary>A reactor in a field (REACTORS, reactors.md).</summary>
public readonly record struct FieldReactor(uint ReactorId, uint Classification, sbyte State, short X, short Y, byte Direction, string Name);

/// <summary>Monster, drop and reactor spawns (monster-drop-reactor.md §1, §8, §11), the clock and the transport state (field.md §18–19).</summary>
public static class FieldObjectPackets
{
    public const string SpawnMonsterWriter = "SpawnMonster";
    public const string DropSpawnWriter = "DropSpawn";
    public const string ReactorSpawnWriter = "ReactorSpawn";
    public const string ClockWriter = "Clock";
    public const string TransportStateWriter = "FieldTransportState";

    /// <summary>§1.2 appearType: already present, no effect (the map-entry snapshot).</summary>
    public const sbyte AppearNormal = -1;

    /// <summary>§1.2 appearType: fade-in of a fresh spawn.</summary>
    public const sbyte AppearRegen = -2;

    /// <summary>§1.2 appearType: out of a dying parent (appearOption = parent object id).</summary>
    public const sbyte AppearRevived = -3;

    /// <summary>§8.2 enter types.</summary>
    public const byte DropEnterFresh = 1;

    public const byte DropEnterExisting = 2;

    /// <summary>field.md §18 clock type 1.</summary>
    public const byte TownClock = 1;

    /// <summary>field.md §19 states (Atlas names).</summary>
    public const byte TransportEnter1 = 0;

    public const byte TransportMove1 = 2;

    /// <summary>
    /// SpawnMonster (§1.1–1.3): uniqueId, calcDamageIndex (1 controlled, else 5), template, then the body with an empty
    /// MobStat block, current foothold 0 and the monster's foothold as home foothold; <c>phase</c> only GMS ≥ v87 / JMS.
    /// </summary>
    public static void WriteSpawnMonster(PacketWriter writer, ClientVersion version, FieldMonster monster, sbyte appearType, int appearOption = 0)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(version);
        writer.WriteUInt32(monster.UniqueId).WriteByte(monster.Controlled ? (byte)1 : (byte)5).WriteUInt32(monster.MonsterId);
        writer.WriteZeroes(16); // §0.2 MobStat, no statuses (a fresh view of the monster)
        writer.WriteInt16(monster.X).WriteInt16(monster.Y).WriteByte(monster.Stance);
        writer.WriteInt16(0).WriteInt16(monster.Foothold);
        writer.WriteSByte(appearType);
        if (appearType == AppearRevived || appearType >= 0)
            writer.WriteInt32(appearOption);
        writer.WriteSByte(monster.Team).WriteInt32(0); // team, effectItemId
        if (version.IsJapan || version.Major >= 87)
            writer.WriteInt32(0); // phase
    }

    /// <summary>DropSpawn (§8.1): the dropper position and delay only when not <see cref="DropEnterExisting"/>, expiration only for items.</summary>
    public static void WriteDropSpawn(PacketWriter writer, FieldDrop drop, byte enterType, short delay = 0)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteByte(enterType).WriteUInt32(drop.DropId).WriteBool(drop.IsMeso).WriteUInt32(drop.IsMeso ? drop.Meso : drop.ItemId);
        writer.WriteUInt32(drop.OwnerId).WriteByte(drop.OwnType).WriteInt16(drop.X).WriteInt16(drop.Y).WriteUInt32(drop.DropperId);
        if (enterType != DropEnterExisting)
            writer.WriteInt16(drop.DropperX).WriteInt16(drop.DropperY).WriteInt16(delay);
        if (!drop.IsMeso)
            writer.WriteInt64(-1); // expiration: never (Atlas)
        writer.WriteBool(!drop.PlayerDrop); // pets may pick it up
    }

    /// <summary>ReactorSpawn (§11): id, template, state, position, flip, name (GMS ≥ v83 and JMS).</summary>
    public static void WriteReactorSpawn(PacketWriter writer, ClientVersion version, FieldReactor reactor)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(version);
        writer.WriteUInt32(reactor.ReactorId).WriteUInt32(reactor.Classification).WriteSByte(reactor.State)
            .WriteInt16(reactor.X).WriteInt16(reactor.Y).WriteByte(reactor.Direction);
        if (version.IsJapan || version.Major >= 83)
            writer.WriteString(reactor.Name);
    }

    /// <summary>Clock type 1 (field.md §18): the time of day, hour, minute, second.</summary>
    public static void WriteTownClock(PacketWriter writer, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteByte(TownClock).WriteByte((byte)time.Hour).WriteByte((byte)time.Minute).WriteByte((byte)time.Second);
    }

    /// <summary>FieldTransportState (field.md §19): state, overrideAppear.</summary>
    public static void WriteTransportState(PacketWriter writer, byte state, bool overrideAppear = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteByte(state).WriteBool(overrideAppear);
    }
}
