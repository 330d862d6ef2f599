using System.Buffers;
using System.Text.Json;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Tenancy;

namespace AtlasChannel.Peers;

/// <summary>CHANNELS (world service): channel registration / heartbeat and lookup of a channel's address (spec/rest/channels.md).</summary>
public sealed class ChannelRegistryPeer(PeerHttp http)
{
    public const int MaxCapacity = 1000;

    /// <summary>
    /// POSTs the registration. A fresh random id every time, capacity 0/1000 and the zero createdAt, exactly as
    /// Atlas sends it (examples/channels.register.request.json).
    /// </summary>
    public Task<int> RegisterAsync(ChannelServer server, int currentCapacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var body = RegistrationBody(server, Guid.NewGuid(), currentCapacity);
        return http.PostAsync(PeerRoots.Channels, $"worlds/{server.WorldId}/channels", body, server.Tenant, cancellationToken);
    }

    /// <summary>The registered address of a channel, or null when the registry does not know it.</summary>
    public async Task<(string IpAddress, int Port)?> GetAsync(Tenant tenant, byte worldId, byte channelId, CancellationToken cancellationToken)
    {
        var body = await http.GetAsync(PeerRoots.Channels, $"worlds/{worldId}/channels/{channelId}", tenant, cancellationToken);
        if (body is null)
            return null;
        var attributes = JsonApiDocument.Parse(body).Single("channels").Attributes;
        var ip = attributes.StringOrNull("ipAddress");
        var port = attributes.LongOrNull("port");
        return ip is { Length: > 0 } && port is > 0 and <= 65535 ? (ip, (int)port) : null;
    }

    public static byte[] RegistrationBody(ChannelServer server, Guid id, int currentCapacity)
    {
        ArgumentNullException.ThrowIfNull(server);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("data");
            json.WriteString("type", "channels");
            json.WriteString("id", id.ToString("D"));
            json.WriteStartObject("attributes");
            json.WriteNumber("worldId", server.WorldId);
            json.WriteNumber("channelId", server.ChannelId);
            json.WriteString("ipAddress", server.TenantSettings.IpAddress);
            json.WriteNumber("port", server.Port);
            json.WriteNumber("currentCapacity", currentCapacity);
            json.WriteNumber("maxCapacity", MaxCapacity);
            json.WriteString("createdAt", "0001-01-01T00:00:00Z");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
