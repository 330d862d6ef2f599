using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.Peers;
using AtlasChannel.Sandbox.State;

namespace AtlasChannel.Sandbox.Tests;

/// <summary>Session CREATED / DESTROYED as the character and maps services answer them, and the MAPS view.</summary>
public sealed class SessionFlowTests(SandboxHost host) : IClassFixture<SandboxHost>
{
    private const string Henesys = "worlds/0/channels/0/maps/100000000/instances/00000000-0000-0000-0000-000000000000/characters";

    [Fact]
    public async Task Created_logs_the_character_in_and_enters_its_map_destroyed_reverses_both()
    {
        using var characterStatus = new Probe<CharacterStatusEvent<CharacterSessionBody>>(host.Bus, Topics.EventCharacterStatus);
        using var mapStatus = new Probe<MapStatusEvent<MapCharacterBody>>(host.Bus, Topics.EventMapStatus);
        var session = Guid.NewGuid();

        await SessionStatusAsync(session, characterId: 1, accountId: 1, channelId: 0, SessionStatusTypes.Created);

        var login = await characterStatus.WaitAsync(e => e.CharacterId == 1 && e.Type == CharacterSessionStatusTypes.Login);
        Assert.Equal(0, login.Message.WorldId);
        Assert.Equal(new CharacterSessionBody { ChannelId = 0, MapId = 100000000, Instance = Guid.Empty }, login.Message.Body);
        Assert.Equal(MessageKeys.Create(1), login.Key.ToArray());
        var enter = await mapStatus.WaitAsync(e => e.Body.CharacterId == 1 && e.Type == MapStatusTypes.CharacterEnter);
        Assert.Equal((0, 0, 100000000u, Guid.Empty), (enter.Message.WorldId, enter.Message.ChannelId, enter.Message.MapId, enter.Message.Instance));
        Assert.Equal(MessageKeys.Create(100000000), enter.Key.ToArray());
        Assert.Equal(host.Tenant, enter.Tenant);
        Assert.Equal(["1"], await CharactersInHenesysAsync());

        await SessionStatusAsync(session, characterId: 1, accountId: 1, channelId: 0, SessionStatusTypes.Destroyed);

        var logout = await characterStatus.WaitAsync(e => e.CharacterId == 1 && e.Type == CharacterSessionStatusTypes.Logout);
        Assert.Equal(100000000u, logout.Message.Body.MapId);
        await mapStatus.WaitAsync(e => e.Body.CharacterId == 1 && e.Type == MapStatusTypes.CharacterExit);
        Assert.Empty(await CharactersInHenesysAsync());
    }

    [Fact]
    public async Task A_late_destroyed_of_the_old_channel_only_removes_the_character_from_that_channel()
    {
        using var mapStatus = new Probe<MapStatusEvent<MapCharacterBody>>(host.Bus, Topics.EventMapStatus);
        var (oldSession, newSession) = (Guid.NewGuid(), Guid.NewGuid());
        var channel1 = new FieldKey(0, 1, 100000000, Guid.Empty);

        await SessionStatusAsync(oldSession, characterId: 1500, accountId: 1500, channelId: 0, SessionStatusTypes.Created);
        await SessionStatusAsync(newSession, characterId: 1500, accountId: 1500, channelId: 1, SessionStatusTypes.Created);
        await mapStatus.WaitAsync(e => e.Body.CharacterId == 1500 && e.ChannelId == 1 && e.Type == MapStatusTypes.CharacterEnter);
        await SessionStatusAsync(oldSession, characterId: 1500, accountId: 1500, channelId: 0, SessionStatusTypes.Destroyed);

        var exit = await mapStatus.WaitAsync(e => e.Body.CharacterId == 1500 && e.Type == MapStatusTypes.CharacterExit);
        Assert.Equal(0, exit.Message.ChannelId);
        Assert.Equal([1500u], host.Peers.CharactersIn(channel1));
        Assert.DoesNotContain(1500u, host.Peers.CharactersIn(channel1 with { ChannelId = 0 }));
    }

    [Fact]
    public async Task Sessions_that_name_an_unknown_or_foreign_character_are_ignored()
    {
        // One key for all, so the bus handles them in order and the marker's events come after any wrong ones.
        using var mapStatus = new Probe<MapStatusEvent<MapCharacterBody>>(host.Bus, Topics.EventMapStatus);
        await SessionStatusAsync(Guid.NewGuid(), characterId: 77, accountId: 77, channelId: 0, SessionStatusTypes.Created, key: 3);
        await SessionStatusAsync(Guid.NewGuid(), characterId: 2, accountId: 1, channelId: 0, SessionStatusTypes.Created, key: 3);
        await SessionStatusAsync(Guid.NewGuid(), characterId: 2, accountId: 2, channelId: 9, SessionStatusTypes.Created, key: 3);
        await SessionStatusAsync(Guid.NewGuid(), characterId: 0, accountId: 0, channelId: 0, SessionStatusTypes.Destroyed, key: 3);

        await SessionStatusAsync(Guid.NewGuid(), characterId: 3, accountId: 3, channelId: 1, SessionStatusTypes.Created);

        await mapStatus.WaitAsync(e => e.Body.CharacterId == 3);
        Assert.DoesNotContain(mapStatus.Seen, e => e.Message.Body.CharacterId is 77 or 2);
        Assert.Equal(0, host.Bus.Stats.HandlerErrors);
    }

    private async Task<IEnumerable<string>> CharactersInHenesysAsync() =>
        JsonApiDocument.Parse(await host.GetOkAsync(Henesys)).Collection("characters").Select(c => c.Id);

    private async Task SessionStatusAsync(Guid session, uint characterId, uint accountId, byte channelId, string type, uint? key = null)
    {
        var status = new SessionStatusEvent
        {
            SessionId = session,
            AccountId = accountId,
            CharacterId = characterId,
            WorldId = 0,
            ChannelId = channelId,
            Issuer = SessionStatusTypes.ChannelIssuer,
            Type = type,
        };
        Assert.True(await host.Bus.PublishAsync(Topics.EventSessionStatus, MessageKeys.Create(key ?? characterId), status, host.Tenant));
    }
}

/// <summary>The sandbox on a bus built with the channel's plain registry, which does not know LOGIN / LOGOUT.</summary>
public sealed class PlainRegistryTests : IAsyncLifetime
{
    private readonly SandboxHost _host = new() { Registry = new ContractRegistry() };

    public Task InitializeAsync() => _host.InitializeAsync();

    public Task DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Peer_only_events_are_still_delivered_as_bytes_and_the_map_flow_works()
    {
        using var mapStatus = new Probe<MapStatusEvent<MapCharacterBody>>(_host.Bus, Topics.EventMapStatus);
        var status = new SessionStatusEvent
        {
            SessionId = Guid.NewGuid(), AccountId = 2, CharacterId = 2, WorldId = 0, ChannelId = 1,
            Issuer = SessionStatusTypes.ChannelIssuer, Type = SessionStatusTypes.Created,
        };

        Assert.True(await _host.Bus.PublishAsync(Topics.EventSessionStatus, MessageKeys.Create(2), status, _host.Tenant));

        await mapStatus.WaitAsync(e => e.Body.CharacterId == 2 && e.Type == MapStatusTypes.CharacterEnter);
        // Publishing is synchronous and LOGIN goes out before CHARACTER_ENTER: CREATED, LOGIN and ENTER are on the bus.
        Assert.Equal(3, _host.Bus.Stats.Published);
        Assert.Equal(0, _host.Bus.Stats.PublishFailed);
    }
}
