using System.Net;
using System.Text.Json;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Protocol.Opcodes;

namespace AtlasChannel.Sandbox.Tests;

public sealed class ConfigurationEndpointTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task Service_configuration_names_the_tenant_and_one_port_per_channel_without_tenant_headers()
    {
        var body = await host.Http.GetByteArrayAsync($"configurations/services/{SandboxOptions.DefaultServiceId}");

        var service = JsonApiDocument.Parse(body).Single("services");
        Assert.Equal(SandboxOptions.DefaultServiceId.ToString(), service.Id);
        var timeout = Assert.Single(service.Attributes.GetProperty("tasks").EnumerateArray());
        Assert.Equal("timeout", timeout.GetProperty("type").GetString());
        Assert.Equal(10_000, timeout.GetProperty("interval").GetInt64());
        Assert.Equal(300_000, timeout.GetProperty("duration").GetInt64());

        var tenant = Assert.Single(service.Attributes.GetProperty("tenants").EnumerateArray());
        Assert.Equal(SandboxOptions.DefaultTenantId, tenant.GetProperty("id").GetGuid());
        Assert.Equal("127.0.0.1", tenant.GetProperty("ipAddress").GetString());
        var world = Assert.Single(tenant.GetProperty("worlds").EnumerateArray());
        Assert.Equal(0, world.GetProperty("id").GetInt32());
        var channels = world.GetProperty("channels").EnumerateArray().Select(c => (c.GetProperty("id").GetInt32(), c.GetProperty("port").GetInt32()));
        Assert.Equal([(0, 7575), (1, 7576)], channels);
    }

    [Fact]
    public async Task Tenant_configuration_is_the_bundled_gms_83_template()
    {
        var body = await host.Http.GetByteArrayAsync($"configurations/tenants/{SandboxOptions.DefaultTenantId}");

        var tenant = JsonApiDocument.Parse(body).Single("tenants");
        Assert.Equal(SandboxOptions.DefaultTenantId.ToString(), tenant.Id);
        Assert.Equal("GMS", tenant.Attributes.GetProperty("region").GetString());
        Assert.Equal(83, tenant.Attributes.GetProperty("majorVersion").GetInt32());
        Assert.Equal(1, tenant.Attributes.GetProperty("minorVersion").GetInt32());

        using var expected = JsonDocument.Parse(BundledTemplates.ReadJson("template_gms_83_1.json"));
        Assert.Equal(
            expected.RootElement.GetProperty("socket").GetProperty("handlers").GetArrayLength(),
            tenant.Attributes.GetProperty("socket").GetProperty("handlers").GetArrayLength());
        var table = OpcodeTable.Parse(tenant.Attributes.GetRawText());
        Assert.NotNull(table);
    }

    [Theory]
    [InlineData("configurations/services/00000000-0000-0000-0000-000000000001", HttpStatusCode.InternalServerError)]
    [InlineData("configurations/tenants/00000000-0000-0000-0000-000000000001", HttpStatusCode.InternalServerError)]
    [InlineData("configurations/services/not-a-uuid", HttpStatusCode.BadRequest)]
    public async Task Unknown_or_malformed_ids_answer_like_the_configuration_service(string path, HttpStatusCode expected)
    {
        using var response = await host.Http.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
