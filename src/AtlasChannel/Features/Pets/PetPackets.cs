using AtlasChannel.Features.Characters;
using AtlasChannel.Packets;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Pets;

/// <summary>A summoned pet shown in a field: its owner and the pet (its <see cref="CharacterPet.Slot"/> is the pet index).</summary>
public readonly record struct PetSpawn(int OwnerId, CharacterPet Pet);

/// <summary>The item ids one summoned pet will not loot.</summary>
public sealed record PetExcludes(int OwnerId, sbyte Index, long Serial, IReadOnlyList<uint> ItemIds);

/// <summary>Pet packets (pet.md).</summary>
public static class PetPackets
{
    public const string ActivatedWriter = "PetActivated";
    public const string ExcludeResponseWriter = "PetExcludeResponse";

    /// <summary>The exclusion list's count is one byte.</summary>
    public const int MaxExcludes = byte.MaxValue;

    /// <summary>PetActivated spawn form (§1): owner, index, activated 1, showEffect 1 (as Atlas writes it), then the pet record.</summary>
    public static readonly PacketBody<PetSpawn> Spawn = static (writer, in _, spawn) => WriteSpawn(writer, spawn);

    /// <summary>PetExcludeResponse (§5.4): owner, index, serial, count, item ids.</summary>
    public static readonly PacketBody<PetExcludes> ExcludeResponse = static (writer, in _, excludes) => WriteExcludeResponse(writer, excludes);

    public static void WriteSpawn(PacketWriter writer, PetSpawn spawn)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteInt32(spawn.OwnerId).WriteSByte(spawn.Pet.Slot).WriteBool(true).WriteBool(true);
        WritePetRecord(writer, spawn.Pet);
    }

    /// <summary><c>CPet::Init</c> (pet.md §1 fields 5–13, common.md §8.1): the same record CharacterSpawn carries per pet.</summary>
    public static void WritePetRecord(PacketWriter writer, CharacterPet pet)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pet);
        writer.WriteInt32(pet.TemplateId).WriteString(pet.Name).WriteInt64(pet.Serial)
            .WriteInt16(pet.X).WriteInt16(pet.Y).WriteByte(pet.Stance).WriteInt16(pet.Foothold)
            .WriteByte(0).WriteByte(0); // name tag, chat balloon
    }

    public static void WriteExcludeResponse(PacketWriter writer, PetExcludes excludes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(excludes);
        var count = Math.Min(excludes.ItemIds.Count, MaxExcludes);
        writer.WriteInt32(excludes.OwnerId).WriteSByte(excludes.Index).WriteInt64(excludes.Serial).WriteByte((byte)count);
        for (var i = 0; i < count; i++)
            writer.WriteUInt32(excludes.ItemIds[i]);
    }
}
