using AtlasChannel.Packets;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.CharacterInfo;

public sealed record CharacterInfoPet(int TemplateId, string Name, byte Level, short Closeness, byte Fullness, short Skill = 0, int EquipItemId = 0);

public readonly record struct CharacterInfoMount(int Level, int Exp, int Tiredness);

public readonly record struct MonsterBookInfo(int Level, int NormalCards, int SpecialCards, int TotalCards, int CoverMobId);

/// <summary>Everything the info window shows (field.md §15.2).</summary>
public sealed record CharacterInfoView
{
    public int CharacterId { get; init; }
    public byte Level { get; init; }
    public short Job { get; init; }
    public short Fame { get; init; }
    public bool Married { get; init; }
    public string GuildName { get; init; } = string.Empty;
    public string AllianceName { get; init; } = string.Empty;
    public IReadOnlyList<CharacterInfoPet> Pets { get; init; } = [];
    public CharacterInfoMount? Mount { get; init; }
    public IReadOnlyList<int> Wishlist { get; init; } = [];
    public MonsterBookInfo MonsterBook { get; init; }
    public int MedalItemId { get; init; }
    public IReadOnlyList<short> MedalQuests { get; init; } = [];
}

/// <summary>CharacterInfo (writer <c>CharacterInfo</c>, v83 0x3D).</summary>
public static class CharacterInfoPackets
{
    public const string Writer = "CharacterInfo";

    public static void Write(PacketWriter writer, in WriterContext context, CharacterInfoView info)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(info);
        var version = context.Version;
        writer.WriteInt32(info.CharacterId).WriteByte(info.Level).WriteInt16(info.Job).WriteInt16(info.Fame)
            .WriteBool(info.Married).WriteString(info.GuildName).WriteString(info.AllianceName)
            .WriteByte(0); // medal info
        foreach (var pet in info.Pets)
        {
            writer.WriteByte(1).WriteInt32(pet.TemplateId).WriteString(pet.Name).WriteByte(pet.Level)
                .WriteInt16(pet.Closeness).WriteByte(pet.Fullness).WriteInt16(pet.Skill).WriteInt32(pet.EquipItemId);
        }

        writer.WriteByte(0);
        writer.WriteBool(info.Mount is not null);
        if (info.Mount is { } mount)
            writer.WriteInt32(mount.Level).WriteInt32(mount.Exp).WriteInt32(mount.Tiredness);
        var wishes = Math.Min(info.Wishlist.Count, byte.MaxValue);
        writer.WriteByte((byte)wishes);
        for (var i = 0; i < wishes; i++)
            writer.WriteInt32(info.Wishlist[i]);
        if (version.IsJapan || version.Major < 95)
        {
            var book = info.MonsterBook;
            writer.WriteInt32(book.Level).WriteInt32(book.NormalCards).WriteInt32(book.SpecialCards).WriteInt32(book.TotalCards).WriteInt32(book.CoverMobId);
        }

        writer.WriteInt32(info.MedalItemId).WriteInt16((short)info.MedalQuests.Count);
        foreach (var quest in info.MedalQuests)
            writer.WriteInt16(quest);
        // Portable chairs: Atlas writes the count only for v87+/JMS, but the v83 client reads it too (field.md §15.2 note).
        writer.WriteInt32(0);
    }
}
