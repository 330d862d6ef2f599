using AtlasChannel.Features.Characters;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Field;

/// <summary>The three <c>CalcDamage::SetSeed</c> values the client seeds its damage RNG with.</summary>
public readonly record struct DamageSeeds(int Seed1, int Seed2, int Seed3)
{
    public static DamageSeeds Random() =>
        new(System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue),
            System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue),
            System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue));
}

/// <summary>Where a warp puts the character (field.md §2).</summary>
public readonly record struct WarpTarget(int MapId, byte PortalId, int Hp, bool Revive = false, (int X, int Y)? Chase = null);

/// <summary>SetField (writer name <c>SetField</c>, v83 0x7D): the character-data form (§1) and the warp form (§2).</summary>
public static class SetFieldPacket
{
    public const string WriterName = "SetField";

    /// <summary>Writes opcode and body of the login / channel-change form carrying the whole character.</summary>
    /// <param name="channelId">0-based channel index of this server.</param>
    public static void WriteCharacterData(PacketWriter writer, OpcodeTable opcodes, ClientVersion version, int channelId,
        DamageSeeds seeds, CharacterSnapshot character, DateTimeOffset serverTime)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var layout = FieldLayout.For(version);
        WriteHeader(writer, opcodes, layout, channelId, hasCharacterData: true);
        writer.WriteInt32(seeds.Seed1).WriteInt32(seeds.Seed2).WriteInt32(seeds.Seed3);
        CharacterDataWriter.Write(writer, character, layout, serverTime);
        if (layout.HasLogoutGift)
            writer.WriteInt32(0).WriteInt32(0).WriteInt32(0).WriteInt32(0);
        WriteServerTime(writer, serverTime);
    }

    /// <summary>Writes opcode and body of the map-change form.</summary>
    public static void WriteWarp(PacketWriter writer, OpcodeTable opcodes, ClientVersion version, int channelId,
        WarpTarget target, DateTimeOffset serverTime)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var layout = FieldLayout.For(version);
        WriteHeader(writer, opcodes, layout, channelId, hasCharacterData: false);
        writer.WriteBool(target.Revive).WriteInt32(target.MapId).WriteByte(target.PortalId);
        if (layout.WarpHpIsInt32)
            writer.WriteInt32(target.Hp);
        else
            writer.WriteInt16(unchecked((short)target.Hp));
        if (layout.WarpHasChase)
        {
            writer.WriteBool(target.Chase is not null);
            if (target.Chase is { } chase)
                writer.WriteInt32(chase.X).WriteInt32(chase.Y);
        }

        WriteServerTime(writer, serverTime);
    }

    public static ushort Opcode(OpcodeTable opcodes)
    {
        ArgumentNullException.ThrowIfNull(opcodes);
        return opcodes.TryGetWriter(WriterName, out var binding)
            ? binding.Opcode
            : throw new InvalidOperationException($"the {opcodes.Version} opcode table has no '{WriterName}' writer");
    }

    // The full 100-ns FILETIME of the server clock (the client syncs to it); item and quest times elsewhere drop
    // sub-second precision as Atlas does.
    private static void WriteServerTime(PacketWriter writer, DateTimeOffset serverTime) => writer.WriteFileTime(serverTime.ToFileTime());

    private static void WriteHeader(PacketWriter writer, OpcodeTable opcodes, FieldLayout layout, int channelId, bool hasCharacterData)
    {
        writer.WriteOpcode(Opcode(opcodes), layout.Version.OpcodeWidth);
        if (layout.HasClientOptionHeader)
            writer.WriteInt16(0);
        writer.WriteInt32(channelId);
        if (layout.HasOldDriverId)
            writer.WriteInt32(0);
        if (layout.IsJapan)
            writer.WriteByte(0).WriteInt32(0);
        writer.WriteBool(hasCharacterData) // notifier message: 1 with character data (Atlas, Cosmic), 0 on warps
            .WriteBool(hasCharacterData)
            .WriteInt16(0); // notice lines
    }
}
