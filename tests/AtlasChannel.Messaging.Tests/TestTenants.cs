namespace AtlasChannel.Messaging.Tests;

internal static class TestTenants
{
    public static readonly Tenant Gms83 = new(Guid.Parse("083839c6-c47c-42a6-9585-76492795d123"), "GMS", 83, 1);
    public static readonly Tenant Gms87 = new(Gms83.Id, "GMS", 87, 1);
    public static readonly Tenant Foreign = new(Guid.Parse("11111111-2222-3333-4444-555555555555"), "GMS", 83, 1);
}
