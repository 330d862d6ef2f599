using System.Globalization;

namespace AtlasChannel.Peers;

/// <summary>JSON:API resource ids the peers send as strings.</summary>
internal static class ResourceId
{
    /// <summary>An id that must be a plain decimal uint32 (no sign, spaces or separators).</summary>
    public static bool TryUInt32(string id, out uint value) =>
        uint.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
