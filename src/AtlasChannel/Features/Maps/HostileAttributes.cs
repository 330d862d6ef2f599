using System.Text.Json;
using AtlasChannel.Peers;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// Checks on field-object resources beyond the typed attribute readers of <see cref="JsonElementReading"/>.
/// </summary>
internal static class HostileAttributes
{
    /// <summary>
    /// The resource's field identity (worldId, channelId, mapId, instance), where present, must be the entered field;
    /// the Go client decodes and drops these, so a missing one is accepted.
    /// </summary>
    public static bool InField(this JsonElement a, FieldOfEntry field)
    {
        if (a.ValueKind != JsonValueKind.Object)
            return false;
        if (a.TryGetProperty("worldId", out _) && (!a.TryByte("worldId", out var world) || world != field.WorldId))
            return false;
        if (a.TryGetProperty("channelId", out _) && (!a.TryByte("channelId", out var channel) || channel != field.ChannelId))
            return false;
        if (a.TryGetProperty("mapId", out _) && (!a.TryUInt32("mapId", out var map) || map != field.MapId))
            return false;
        if (a.TryGetProperty("instance", out _) && (!a.TryString("instance", out var text) || !Guid.TryParse(text, out var instance) || instance != field.Instance))
            return false;
        return true;
    }
}
