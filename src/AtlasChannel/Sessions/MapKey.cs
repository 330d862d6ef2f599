namespace AtlasChannel.Sessions;

/// <summary>A field: (tenant, world, channel, map, instance). The all-zero instance is the non-instanced map.</summary>
public readonly record struct MapKey(Guid TenantId, byte WorldId, byte ChannelId, uint MapId, Guid Instance)
{
    public override string ToString() => $"{WorldId}/{ChannelId}/{MapId}" + (Instance == Guid.Empty ? string.Empty : $"/{Instance}");
}
