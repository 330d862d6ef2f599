using System.Text.Json;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;

namespace AtlasChannel.Tenancy;

/// <summary>
/// Builds the <see cref="ChannelTopology"/> as Atlas does at start-up (spec/rest/startup.md steps 1–3, 8): the service
/// configuration, then every tenant configuration, all before anything starts. Any problem stops start-up with the
/// offending key named. A local file may stand in for the CONFIGURATIONS service (see README "Configuration file").
/// </summary>
public static class TopologyLoader
{
    public static async Task<ChannelTopology> FromServiceAsync(ConfigurationPeer peer, Guid serviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var service = await peer.GetServiceAsync(serviceId, cancellationToken);
        var tenants = new List<TenantSettings>();
        foreach (var entry in service.Tenants)
        {
            var configuration = await peer.GetTenantAsync(entry.Id, cancellationToken);
            tenants.Add(Tenant(entry, OpcodeTable.FromTemplate(configuration)));
        }

        return new ChannelTopology(serviceId, tenants, Timeout(service.Tasks));
    }

    /// <summary>
    /// Reads a local file shaped like the service configuration's attributes, where each tenant also carries its
    /// configuration inline (<c>"configuration": {…}</c>) or names a template (<c>"template": "template_gms_83_1.json"</c>,
    /// a bundled name or a path relative to the file).
    /// </summary>
    public static ChannelTopology FromFile(string path, Guid serviceId)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        var service = ConfigurationPeer.ParseService(root);
        var tenants = new List<TenantSettings>();
        var index = 0;
        foreach (var tenant in root.Array("tenants"))
        {
            var at = $"tenants[{index}]";
            var entry = service.Tenants[index++];
            OpcodeTable table;
            if (tenant.Property("configuration") is { ValueKind: JsonValueKind.Object } inline)
            {
                table = OpcodeTable.FromTemplate(inline);
            }
            else if (tenant.StringOrNull("template") is { Length: > 0 } template)
            {
                var local = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", template);
                table = File.Exists(local) ? OpcodeTable.Parse(File.ReadAllText(local))
                    : BundledTemplates.Names.Contains(template) ? OpcodeTable.Parse(BundledTemplates.ReadJson(template))
                    : throw new InvalidDataException($"{at}.template: '{template}' is neither a file next to {path} nor a bundled template ({string.Join(", ", BundledTemplates.Names)})");
            }
            else
            {
                throw new InvalidDataException($"{at}: needs \"configuration\" (the tenant document) or \"template\"");
            }

            tenants.Add(Tenant(entry, table));
        }

        var id = root.StringOrNull("serviceId") is { } text && Guid.TryParse(text, out var parsed) ? parsed : serviceId;
        return new ChannelTopology(id, tenants, Timeout(service.Tasks));
    }

    private static TenantSettings Tenant(ServiceTenantEntry entry, OpcodeTable table)
    {
        var version = table.Version;
        var worlds = entry.Worlds.Select(w => new WorldSettings(w.WorldId, [.. w.Channels.Select(c => new ChannelSettings(c.ChannelId, c.Port))])).ToList();
        var ports = worlds.SelectMany(w => w.Channels).GroupBy(c => c.Port).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (ports.Count > 0)
            throw new InvalidDataException($"tenant {entry.Id}: port(s) {string.Join(", ", ports)} used by more than one channel");
        return new TenantSettings(new Tenant(entry.Id, version.Region, version.Major, version.Minor), version, table, entry.IpAddress, worlds);
    }

    private static SessionTimeoutSettings Timeout(IReadOnlyList<(string Type, long Interval, long Duration)> tasks)
    {
        var timeout = tasks.FirstOrDefault(t => t.Type == "timeout");
        if (timeout.Type is null)
            throw new InvalidDataException("tasks: no task of type \"timeout\" (Atlas refuses to start without it)");
        if (timeout.Interval <= 0)
            throw new InvalidDataException("tasks[type=timeout].interval: must be a positive number of milliseconds");
        var duration = timeout.Duration > 0 ? timeout.Duration : 3_600_000;
        return new SessionTimeoutSettings(TimeSpan.FromMilliseconds(timeout.Interval), TimeSpan.FromMilliseconds(duration));
    }
}
