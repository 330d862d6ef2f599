using System.Net;
using System.Text;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;

namespace AtlasChannel.Sandbox.Tests;

public sealed class PeerEndpointTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    [Fact]
    public async Task Tenant_scoped_endpoints_require_all_four_headers()
    {
        using var bare = await host.Http.GetAsync("characters/1");
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Empty(await bare.Content.ReadAsByteArrayAsync());

        foreach (var missing in new[] { "TENANT_ID", "REGION", "MAJOR_VERSION", "MINOR_VERSION" })
        {
            using var request = host.Request(HttpMethod.Get, "characters/1");
            request.Headers.Remove(missing);
            using var response = await host.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("TENANT_ID", "not-a-uuid")]
    [InlineData("MAJOR_VERSION", "v83")]
    [InlineData("MINOR_VERSION", "70000")]
    public async Task Unparsable_tenant_headers_answer_400(string header, string value)
    {
        using var request = host.Request(HttpMethod.Get, "characters/1");
        request.Headers.Remove(header);
        request.Headers.Add(header, value);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_foreign_tenant_has_no_data_here()
    {
        using var request = host.Request(HttpMethod.Get, "characters/1", new Tenant(Guid.NewGuid(), "GMS", 83, 1));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Channel_registration_round_trips_through_the_world_service()
    {
        var registrationId = Guid.NewGuid();
        var waiting = host.Peers.WaitForChannelRegistrationAsync(0, 1, CancellationToken.None);
        using var post = host.Request(HttpMethod.Post, "worlds/0/channels");
        post.Content = new StringContent(
            """{"data":{"type":"channels","id":"ID","attributes":{"worldId":0,"channelId":1,"ipAddress":"127.0.0.1","port":7576,"currentCapacity":0,"maxCapacity":1000,"createdAt":"0001-01-01T00:00:00Z"}}}""".Replace("ID", registrationId.ToString(), StringComparison.Ordinal),
            Encoding.UTF8,
            "application/json");

        using var posted = await host.Http.SendAsync(post);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Empty(await posted.Content.ReadAsByteArrayAsync());
        var recorded = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(registrationId, recorded.Id);

        var channel = JsonApiDocument.Parse(await host.GetOkAsync("worlds/0/channels/1")).Single("channels");
        Assert.Equal(registrationId.ToString(), channel.Id);
        Assert.Equal("127.0.0.1", channel.Attributes.GetProperty("ipAddress").GetString());
        Assert.Equal(7576, channel.Attributes.GetProperty("port").GetInt32());
        Assert.Equal(1000u, channel.Attributes.GetProperty("maxCapacity").GetUInt32());
        Assert.Equal(recorded.RegisteredAt, channel.Attributes.GetProperty("createdAt").GetDateTimeOffset());

        var list = JsonApiDocument.Parse(await host.GetOkAsync("worlds/0/channels")).Collection("channels");
        Assert.Contains(list, c => c.Id == registrationId.ToString());
    }

    [Fact]
    public async Task Unregistered_channels_answer_404_and_bad_registrations_400()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("worlds/0/channels/9")).StatusCode);

        using var post = host.Request(HttpMethod.Post, "worlds/0/channels");
        post.Content = new StringContent("""{"data":{"type":"channels","id":"nope","attributes":{"channelId":9,"ipAddress":"127.0.0.1","port":1}}}""", Encoding.UTF8, "application/json");
        using var posted = await host.Http.SendAsync(post);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.False(host.Peers.TryGetChannelRegistration(0, 9, out _));
    }

    [Fact]
    public async Task Accounts_list_every_fixture_and_generated_account()
    {
        var accounts = JsonApiDocument.Parse(await host.GetOkAsync("accounts/")).Collection("accounts");

        Assert.Equal(["1", "2", "3"], accounts.Take(3).Select(a => a.Id));
        Assert.Equal(3 + 9000, accounts.Count);
        Assert.Equal("atlas", accounts[0].Attributes.GetProperty("name").GetString());
        Assert.Equal(0, accounts[0].Attributes.GetProperty("loggedIn").GetInt32());

        var bot = JsonApiDocument.Parse(await host.GetOkAsync("accounts/1000")).Single("accounts");
        Assert.Equal("bot1000", bot.Attributes.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("accounts/10000")).StatusCode);
    }

    [Theory]
    [InlineData("characters/1/buddy-list", "buddy-list", false)]
    [InlineData("characters/1000/buddy-list", "buddy-list", false)]
    [InlineData("characters/1/buffs", "buffs", true)]
    [InlineData("characters/1/notes", "notes", true)]
    [InlineData("guilds?filter[members.id]=1", "guilds", true)]
    [InlineData("guilds?filter%5Bmembers.id%5D=1", "guilds", true)]
    [InlineData("parties?filter[members.id]=1", "parties", true)]
    [InlineData("messengers?filter[members.id]=1", "messengers", true)]
    [InlineData("accounts/1/cash-shop/inventory/compartments?type=1", "compartments", false)]
    [InlineData("accounts/1/wallet", "wallets", false)]
    [InlineData("characters/1/cash-shop/wishlist", "items", true)]
    [InlineData("worlds/0", "worlds", false)]
    [InlineData("worlds/0/channels/0/maps/100000000/instances/00000000-0000-0000-0000-000000000000/characters", "characters", true)]
    [InlineData("worlds/0/channels/0/maps/100000000/instances/00000000-0000-0000-0000-000000000000/characters/", "characters", true)]
    [InlineData("worlds/0/channels/0/maps/100000000/instances/00000000-0000-0000-0000-000000000000/monsters", "monsters", true)]
    [InlineData("worlds/0/channels/0/maps/100000000/instances/00000000-0000-0000-0000-000000000000/drops", "drops", true)]
    [InlineData("worlds/0/channels/0/maps/100000000/instances/00000000-0000-0000-0000-000000000000/reactors", "reactors", true)]
    [InlineData("worlds/0/channels/0/maps/100000000/instances/00000000-0000-0000-0000-000000000000/chairs", "chairs", true)]
    [InlineData("worlds/0/channels/0/maps/100000000/instances/00000000-0000-0000-0000-000000000000/chalkboards", "chalkboards", true)]
    [InlineData("data/maps/100000000", "maps", false)]
    [InlineData("transports/routes", "routes", true)]
    [InlineData("data/maps/100000000/npcs", "npcs", true)]
    [InlineData("data/maps/100000000/npcs?objectId=1000", "npcs", true)]
    [InlineData("data/maps/100000000/portals?name=sp", "portals", true)]
    public async Task Peer_documents_have_the_expected_shape(string path, string type, bool collection)
    {
        var document = JsonApiDocument.Parse(await host.GetOkAsync(path));

        Assert.Equal(collection, document.IsCollection);
        if (collection)
            document.Collection(type);
        else
            document.Single(type);
    }

    [Fact]
    public async Task Buddy_list_is_empty_with_capacity_20()
    {
        var list = JsonApiDocument.Parse(await host.GetOkAsync("characters/2/buddy-list")).Single("buddy-list");

        Assert.True(Guid.TryParse(list.Id, out _));
        Assert.Equal(2u, list.Attributes.GetProperty("characterId").GetUInt32());
        Assert.Equal(20, list.Attributes.GetProperty("capacity").GetInt32());
        Assert.Equal(0, list.Attributes.GetProperty("buddies").GetArrayLength());
    }

    [Theory]
    [InlineData("characters/77/buddy-list", HttpStatusCode.NotFound)]
    [InlineData("worlds/0/channels/0/maps/100000000/chairs", HttpStatusCode.NotFound)]
    [InlineData("worlds/0/channels/0/maps/100000000/chalkboards", HttpStatusCode.NotFound)]
    [InlineData("worlds/0/channels/0/maps/100000000/instances/nil/characters", HttpStatusCode.BadRequest)]
    [InlineData("worlds/3", HttpStatusCode.NotFound)]
    [InlineData("data/maps/123", HttpStatusCode.NotFound)]
    [InlineData("guilds/3", HttpStatusCode.InternalServerError)]
    [InlineData("notes/12", HttpStatusCode.InternalServerError)]
    [InlineData("accounts/1/cash-shop/inventory/compartments", HttpStatusCode.NotFound)]
    [InlineData("accounts/99/cash-shop/inventory/compartments?type=1", HttpStatusCode.InternalServerError)]
    [InlineData("accounts/99/wallet", HttpStatusCode.NotFound)]
    [InlineData("no/such/route", HttpStatusCode.NotFound)]
    public async Task Error_statuses_follow_the_peer_services(string path, HttpStatusCode expected)
    {
        using var response = await host.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Wishlist_set_replaces_the_items()
    {
        using (var delete = host.Request(HttpMethod.Delete, "characters/3/cash-shop/wishlist"))
            Assert.Equal(HttpStatusCode.NoContent, (await host.Http.SendAsync(delete)).StatusCode);

        using var post = host.Request(HttpMethod.Post, "characters/3/cash-shop/wishlist");
        post.Content = new StringContent("""{"data":{"type":"items","id":"00000000-0000-0000-0000-000000000000","attributes":{"characterId":3,"serialNumber":20400000}}}""", Encoding.UTF8, "application/json");
        using var posted = await host.Http.SendAsync(post);
        var created = JsonApiDocument.Parse(await posted.Content.ReadAsByteArrayAsync()).Single("items");
        Assert.NotEqual(Guid.Empty.ToString(), created.Id);

        var items = JsonApiDocument.Parse(await host.GetOkAsync("characters/3/cash-shop/wishlist")).Collection("items");
        Assert.Equal(20400000u, Assert.Single(items).Attributes.GetProperty("serialNumber").GetUInt32());
    }
}
