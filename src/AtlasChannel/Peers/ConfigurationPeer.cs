using System.Text.Json;
using AtlasChannel.Contracts.Rest;

namespace AtlasChannel.Peers;

/// <summary>One hosted tenant as the service configuration lists it.</summary>
public sealed record ServiceTenantEntry(Guid Id, string IpAddress, IReadOnlyList<(byte WorldId, IReadOnlyList<(byte ChannelId, int Port)> Channels)> Worlds);

/// <summary>The channel service's configuration document (spec/rest/configurations.md §1).</summary>
public sealed record ServiceConfiguration(IReadOnlyList<(string Type, long Interval, long Duration)> Tasks, IReadOnlyList<ServiceTenantEntry> Tenants);

/// <summary>
/// CONFIGURATIONS: the service configuration and each tenant configuration, read once at start-up without tenant
/// headers (spec/rest/startup.md steps 1–2). Parsing is strict: a bad document stops start-up with the bad key named.
/// </summary>
public sealed class ConfigurationPeer(PeerHttp http)
{
    public async Task<ServiceConfiguration> GetServiceAsync(Guid serviceId, CancellationToken cancellationToken)
    {
        var path = $"configurations/services/{serviceId:D}";
        var body = await http.GetAsync(PeerRoots.Configurations, path, null, cancellationToken)
            ?? throw new PeerException(PeerRoots.Configurations, path, "service configuration not found", 404);
        return ParseService(JsonApiDocument.Parse(body).Single("services").Attributes);
    }

    /// <summary>The tenant configuration's attributes: the same shape as a tenant template.</summary>
    public async Task<JsonElement> GetTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var path = $"configurations/tenants/{tenantId:D}";
        var body = await http.GetAsync(PeerRoots.Configurations, path, null, cancellationToken)
            ?? throw new PeerException(PeerRoots.Configurations, path, "tenant configuration not found", 404);
        return JsonApiDocument.Parse(body).Single("tenants").Attributes.Clone();
    }

    public static ServiceConfiguration ParseService(JsonElement attributes)
    {
        var tasks = attributes.Array("tasks")
            .Select(t => (t.StringOrNull("type") ?? string.Empty, t.LongOrNull("interval") ?? 0, t.LongOrNull("duration") ?? 0))
            .ToList();
        var tenants = new List<ServiceTenantEntry>();
        var index = 0;
        foreach (var tenant in attributes.Array("tenants"))
        {
            var at = $"tenants[{index++}]";
            if (!Guid.TryParse(tenant.StringOrNull("id"), out var id))
                throw new InvalidDataException($"{at}.id: missing or not a UUID");
            var ip = tenant.StringOrNull("ipAddress");
            if (string.IsNullOrWhiteSpace(ip))
                throw new InvalidDataException($"{at}.ipAddress: missing (is SERVICE_ID a channel-service configuration?)");
            var worlds = new List<(byte, IReadOnlyList<(byte, int)>)>();
            var w = 0;
            foreach (var world in tenant.Array("worlds"))
            {
                var wat = $"{at}.worlds[{w++}]";
                var worldId = Byte(world, "id", wat);
                var channels = new List<(byte, int)>();
                var c = 0;
                foreach (var channel in world.Array("channels"))
                {
                    var cat = $"{wat}.channels[{c++}]";
                    var port = channel.LongOrNull("port");
                    if (port is not (> 0 and <= 65535))
                        throw new InvalidDataException($"{cat}.port: must be 1..65535");
                    channels.Add((Byte(channel, "id", cat), (int)port));
                }

                worlds.Add((worldId, channels));
            }

            tenants.Add(new ServiceTenantEntry(id, ip, worlds));
        }

        return new ServiceConfiguration(tasks, tenants);
    }

    private static byte Byte(JsonElement element, string name, string at) =>
        element.LongOrNull(name) is >= 0 and <= 255 and var value ? (byte)value : throw new InvalidDataException($"{at}.{name}: must be 0..255");
}
