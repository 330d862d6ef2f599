using System.Buffers;
using System.Globalization;
using System.Text.Json;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;

namespace AtlasChannel.Features.KeyMap;

/// <summary>KEYS PATCH <c>characters/{id}/keys/{key}</c> (spec/rest/keys.md).</summary>
public sealed class KeyMapPeer(PeerHttp http)
{
    /// <summary>Like the Go client the status is not judged (the server answers 200 or 500 without a body).</summary>
    public Task<int> PatchAsync(Tenant tenant, int characterId, int key, sbyte type, int action, CancellationToken cancellationToken) =>
        http.PatchAsync(PeerRoots.Keys, $"characters/{characterId}/keys/{key}", Body(key, type, action), tenant, cancellationToken);

    /// <summary>The <c>keys</c> resource of examples/keys.patch.request.json.</summary>
    public static byte[] Body(int key, sbyte type, int action)
    {
        var buffer = new ArrayBufferWriter<byte>(96);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("type", "keys");
            w.WriteString("id", key.ToString(CultureInfo.InvariantCulture));
            w.WriteStartObject("attributes");
            w.WriteNumber("type", type);
            w.WriteNumber("action", action);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
