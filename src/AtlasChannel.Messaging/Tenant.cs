namespace AtlasChannel.Messaging;

/// <summary>
/// The tenant a message belongs to, as carried in the Kafka tenant headers. Equality is on all four parts
/// (id, region, major, minor), which is the check almost every Atlas handler applies.
/// </summary>
public readonly record struct Tenant(Guid Id, string Region, ushort Major, ushort Minor)
{
    public override string ToString() => $"{Id} {Region} v{Major}.{Minor}";
}
