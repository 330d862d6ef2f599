namespace AtlasChannel.Sandbox.Data;

/// <summary>The per-character documents of the fixtures; each maps to one peer endpoint.</summary>
internal enum CharacterPart
{
    Character,
    Inventory,
    Skills,
    Macros,
    Quests,
    Pets,
    Keys,
}

internal static class CharacterParts
{
    public static string FixturePath(uint characterId, CharacterPart part) => part switch
    {
        CharacterPart.Character => $"characters/{characterId}",
        CharacterPart.Inventory => $"characters/{characterId}/inventory",
        CharacterPart.Skills => $"characters/{characterId}/skills",
        CharacterPart.Macros => $"characters/{characterId}/macros",
        CharacterPart.Quests => $"characters/{characterId}/quests",
        CharacterPart.Pets => $"characters/{characterId}/pets",
        CharacterPart.Keys => $"characters/{characterId}/keys",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };
}

/// <summary>What the responders need to know about a character without re-reading its document.</summary>
internal sealed record CharacterSummary(uint Id, uint AccountId, string Name, byte WorldId, uint MapId, byte Gender);
