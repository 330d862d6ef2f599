using AtlasChannel.Features.Channels;
using AtlasChannel.Peers;
using AtlasChannel.Tests.Sessions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Channels;

public class ChannelPacketTests
{
    [Fact]
    public void ChannelChange_matches_the_spec_example()
    {
        // field.md §10.2: 127.0.0.1:7575 → 01 7F 00 00 01 97 1D, v83 opcode 0x10.
        var session = TestSessions.Create(TestSessions.Server(TestSessions.TenantA));
        Assert.True(ChannelChangePacket.Send(session, "127.0.0.1", 7575, NullLogger.Instance));
        Assert.Equal("1000" + "017F000001971D", Convert.ToHexString(TestSessions.Drain(session).Single()));
    }

    [Fact]
    public void A_host_name_is_refused_instead_of_sending_a_broken_address()
    {
        var session = TestSessions.Create(TestSessions.Server(TestSessions.TenantA));
        Assert.False(ChannelChangePacket.Send(session, "channel-2.example", 7576, NullLogger.Instance));
        Assert.True(session.IsClosed);
    }

    [Fact]
    public void Registration_body_has_the_shape_of_the_spec_example()
    {
        var server = TestSessions.Server(TestSessions.TenantA, world: 0, channel: 1, port: 8302) with { };
        var body = ChannelRegistryPeer.RegistrationBody(server, Guid.Parse("b8a1f0e2-6c3d-4f5a-8b7c-9d0e1f2a3b4c"), 0);
        var expected = File.ReadAllText(AtlasChannel.Testing.SpecFiles.Path("rest", "examples", "channels.register.request.json"))
            .Replace("192.168.23.232", "127.0.0.1", StringComparison.Ordinal);
        using var actualJson = System.Text.Json.JsonDocument.Parse(body);
        using var expectedJson = System.Text.Json.JsonDocument.Parse(expected);
        Assert.Equal(Normalize(expectedJson.RootElement), Normalize(actualJson.RootElement));
    }

    private static string Normalize(System.Text.Json.JsonElement element) => System.Text.Json.JsonSerializer.Serialize(element);
}
