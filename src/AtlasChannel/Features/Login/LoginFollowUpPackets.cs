using AtlasChannel.Contracts.Rest;
using AtlasChannel.Packets;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Login;

/// <summary>Packets sent right after SetField: the world's top-scroll message and the skill macros.</summary>
public static class LoginFollowUpPackets
{
    public const string WorldMessageWriter = "WorldMessage";
    public const string SkillMacroWriter = "CharacterSkillMacro";

    /// <summary>The v83 TOP_SCROLL mode, used when the template's <c>operations</c> table does not name it.</summary>
    private const byte DefaultTopScrollMode = 4;

    /// <summary>The client keeps at most five macros.</summary>
    private const int MaxMacros = 5;

    /// <summary>WorldMessage body C (field.md §20.2): mode, hasMessage, message.</summary>
    public static void WriteTopScroll(PacketWriter writer, WriterBinding binding, string message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(binding);
        writer.WriteByte(TemplateOptions.OperationOr(binding, "TOP_SCROLL", DefaultTopScrollMode)).WriteBool(message.Length > 0).WriteString(message);
    }

    /// <summary>CharacterSkillMacro (inventory-storage.md §9.1): macros sorted by id; <c>mute</c> is the inverse of shout.</summary>
    public static void WriteMacros(PacketWriter writer, IReadOnlyList<SkillMacroResource> macros)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(macros);
        var sorted = macros.OrderBy(m => m.Id).Take(MaxMacros).ToList();
        writer.WriteByte((byte)sorted.Count);
        foreach (var macro in sorted)
        {
            writer.WriteString(macro.Attributes.Name.Length > 12 ? macro.Attributes.Name[..12] : macro.Attributes.Name)
                .WriteBool(!macro.Attributes.Shout)
                .WriteInt32(unchecked((int)macro.Attributes.SkillId1))
                .WriteInt32(unchecked((int)macro.Attributes.SkillId2))
                .WriteInt32(unchecked((int)macro.Attributes.SkillId3));
        }
    }
}
