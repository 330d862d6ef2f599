using AtlasChannel.Contracts.Rest;

namespace AtlasChannel.Features.Characters;

/// <summary>One stored key binding: client-defined type and action, kept verbatim.</summary>
public sealed record KeyBinding(int Key, byte Type, int Action);

/// <summary>A character's key bindings (keys 0–89) and its pet auto-potion items (stored as keys 91 and 92).</summary>
public sealed record CharacterKeyMap(ValueList<KeyBinding> Bindings, int AutoHpItemId, int AutoMpItemId)
{
    public const int KeyCount = 90;
    public const int AutoHpKey = 91;
    public const int AutoMpKey = 92;

    public static CharacterKeyMap From(IEnumerable<KeyBindingResource> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var all = keys.ToList();
        int Action(int key) => all.LastOrDefault(k => k.Key == key)?.Attributes.Action ?? 0;
        var bindings = all.Where(k => k.Key is >= 0 and < KeyCount)
            .GroupBy(k => k.Key)
            .Select(g => g.Last())
            .OrderBy(k => k.Key)
            .Select(k => new KeyBinding(k.Key, unchecked((byte)k.Attributes.Type), k.Attributes.Action))
            .ToValueList();
        return new CharacterKeyMap(bindings, Action(AutoHpKey), Action(AutoMpKey));
    }
}
