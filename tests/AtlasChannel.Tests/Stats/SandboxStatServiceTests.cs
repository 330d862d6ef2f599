using System.Collections.Concurrent;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Messaging.InMemory;
using AtlasChannel.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace AtlasChannel.Tests.Stats;

/// <summary>The embedded default's character service answers the stat commands with the events the channel reacts to.</summary>
public sealed class SandboxStatServiceTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly SandboxOptions _options = new() { HttpPort = 0 };
    private readonly ConcurrentQueue<object> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private InMemoryMessageBus _bus = null!;
    private SandboxPeers _peers = null!;

    public async Task InitializeAsync()
    {
        _bus = new InMemoryMessageBus(new SandboxContractRegistry(new ContractRegistry()), new MessagingOptions { ServiceId = _options.ServiceId.ToString(), ServedTenants = [_options.Tenant] });
        _peers = await SandboxPeers.StartAsync(_options, _bus, NullLoggerFactory.Instance, CancellationToken.None);
        _bus.Subscribe<CharacterStatusEvent<CharacterStatChangedBody>>(Topics.EventCharacterStatus, Record);
        _bus.Subscribe<CharacterStatusEvent<CharacterMesoChangedBody>>(Topics.EventCharacterStatus, Record);
        await _bus.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _peers.DisposeAsync();
        await _bus.DisposeAsync();
        _arrived.Dispose();
    }

    private ValueTask Record<T>(ConsumedMessage<T> message, CancellationToken cancellationToken)
        where T : class
    {
        _events.Enqueue(message.Message);
        _arrived.Release();
        return ValueTask.CompletedTask;
    }

    private async Task<List<object>> WaitForEvents(int count)
    {
        for (var i = 0; i < count; i++)
            Assert.True(await _arrived.WaitAsync(Timeout), $"only {i} of {count} events arrived");
        return [.. _events];
    }

    private Task<bool> Send<TBody>(string type, TBody body, uint characterId = 1)
        where TBody : new() =>
        _bus.PublishAsync(Topics.CommandCharacter, MessageKeys.Create(characterId), new CharacterCommand<TBody> { WorldId = _options.WorldId, CharacterId = characterId, Type = type, Body = body }, _options.Tenant);

    [Fact]
    public async Task Distribute_ap_is_answered_with_stat_changed_for_the_stat_and_the_remaining_ap()
    {
        Assert.True(await Send(CharacterCommandTypes.RequestDistributeAp, new CharacterDistributeApBody
        {
            Distributions = [new AbilityDistribution { Ability = "STRENGTH", Amount = 1 }, new AbilityDistribution { Ability = "HP", Amount = 2 }],
        }, characterId: 2)); // Bravo has 5 AP; Atlas (1) has none and would be refused

        var changed = Assert.IsType<CharacterStatusEvent<CharacterStatChangedBody>>(Assert.Single(await WaitForEvents(1)));
        Assert.Equal((uint)2, changed.CharacterId);
        Assert.Equal(CharacterStatusTypes.StatChanged, changed.Type);
        Assert.Equal(0, changed.Body.ChannelId);
        Assert.True(changed.Body.ExclRequestSent);
        Assert.Equal(["STRENGTH", "MAX_HP", "AVAILABLE_AP"], changed.Body.Updates);
    }

    [Fact]
    public async Task Distribute_ap_of_an_unknown_ability_is_answered_with_an_empty_update()
    {
        Assert.True(await Send(CharacterCommandTypes.RequestDistributeAp, new CharacterDistributeApBody
        {
            Distributions = [new AbilityDistribution { Ability = "CHARM", Amount = 1 }],
        }));
        var changed = Assert.IsType<CharacterStatusEvent<CharacterStatChangedBody>>(Assert.Single(await WaitForEvents(1)));
        Assert.Empty(changed.Body.Updates);
        Assert.True(changed.Body.ExclRequestSent);
    }

    [Fact]
    public async Task Drop_meso_is_answered_with_meso_changed_and_stat_changed()
    {
        Assert.True(await Send(CharacterCommandTypes.RequestDropMeso, new CharacterDropMesoBody { ChannelId = 0, MapId = 100000000, Amount = 500 }));
        var events = await WaitForEvents(2);
        var meso = Assert.Single(events.OfType<CharacterStatusEvent<CharacterMesoChangedBody>>());
        Assert.Equal(-500, meso.Body.Amount);
        Assert.Equal("CHARACTER", meso.Body.ActorType);
        var changed = Assert.Single(events.OfType<CharacterStatusEvent<CharacterStatChangedBody>>());
        Assert.Equal(["MESO"], changed.Body.Updates);
    }

    [Fact]
    public async Task Distribute_sp_and_pool_changes_are_answered_with_stat_changed()
    {
        Assert.True(await Send(CharacterCommandTypes.RequestDistributeSp, new CharacterDistributeSpBody { SkillId = 1001004, Amount = 1 }));
        Assert.Equal(["AVAILABLE_SP"], Assert.IsType<CharacterStatusEvent<CharacterStatChangedBody>>(Assert.Single(await WaitForEvents(1))).Body.Updates);

        Assert.True(await Send(CharacterCommandTypes.ChangeMp, new CharacterChangePoolBody { ChannelId = 0, Amount = 12 }));
        var events = await WaitForEvents(1);
        var mp = Assert.IsType<CharacterStatusEvent<CharacterStatChangedBody>>(events[^1]);
        Assert.Equal(["MP"], mp.Body.Updates);
        Assert.False(mp.Body.ExclRequestSent);
    }
}
