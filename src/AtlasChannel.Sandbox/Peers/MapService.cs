using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// The maps service: keeps the characters-in-field view behind the MAPS endpoint and emits CHARACTER_ENTER /
/// CHARACTER_EXIT (and, on exit, clears the character's chair and chalkboard in that field). The real service reacts to the character service's LOGIN / LOGOUT events; here the character
/// service calls it in process, right after publishing them.
/// </summary>
internal sealed partial class MapService(
    SandboxOptions options, FieldPopulation population, PeerPublisher publisher,
    FieldCharacterState<Seat> seats, FieldCharacterState<OpenChalkboard> chalkboards, ILogger<MapService> logger)
    : PeerService(options, logger)
{
    // Where a character went through a portal since it logged in: its logout leaves that field, not the login one.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(Tenant, FieldKey, uint), FieldKey> _moved = new();

    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) => [];

    public async ValueTask CharacterEnterAsync(Tenant tenant, FieldKey field, uint characterId, CancellationToken cancellationToken)
    {
        // The view is updated first: the channel asks MAPS who is in the field when it handles CHARACTER_ENTER.
        population.Enter(field, characterId);
        LogEnter(Logger, characterId, field);
        await PublishAsync(tenant, field, characterId, MapStatusTypes.CharacterEnter, cancellationToken);
    }

    /// <summary>A map change (portal): exit the old field, enter the new one.</summary>
    public async ValueTask CharacterMoveAsync(Tenant tenant, FieldKey from, FieldKey to, uint characterId, CancellationToken cancellationToken)
    {
        var login = _moved.FirstOrDefault(m => m.Key.Item1 == tenant && m.Key.Item3 == characterId && m.Value == from).Key;
        _moved.TryRemove(login, out _);
        _moved[login == default ? (tenant, from, characterId) : login] = to;
        await CharacterExitAsync(tenant, from, characterId, followMoves: false, cancellationToken);
        await CharacterEnterAsync(tenant, to, characterId, cancellationToken);
    }

    public ValueTask CharacterExitAsync(Tenant tenant, FieldKey field, uint characterId, CancellationToken cancellationToken) =>
        CharacterExitAsync(tenant, field, characterId, followMoves: true, cancellationToken);

    private async ValueTask CharacterExitAsync(Tenant tenant, FieldKey field, uint characterId, bool followMoves, CancellationToken cancellationToken)
    {
        if (followMoves && _moved.TryRemove((tenant, field, characterId), out var current))
            field = current;
        population.Exit(field, characterId);
        // The chairs and chalkboards services forget a character that left the field (it stands up, the board closes).
        seats.RemoveIn(field, characterId);
        chalkboards.RemoveIn(field, characterId);
        LogExit(Logger, characterId, field);
        await PublishAsync(tenant, field, characterId, MapStatusTypes.CharacterExit, cancellationToken);
    }

    private ValueTask PublishAsync(Tenant tenant, FieldKey field, uint characterId, string type, CancellationToken cancellationToken)
    {
        var status = new MapStatusEvent<MapCharacterBody>
        {
            TransactionId = Guid.NewGuid(),
            WorldId = field.WorldId,
            ChannelId = field.ChannelId,
            MapId = field.MapId,
            Instance = field.Instance,
            Type = type,
            Body = new MapCharacterBody { CharacterId = characterId },
        };
        return publisher.PublishAsync(Topics.EventMapStatus, MessageKeys.Create(field.MapId), status, tenant, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox maps service: character {CharacterId} entered {Field}")]
    private static partial void LogEnter(ILogger logger, uint characterId, FieldKey field);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sandbox maps service: character {CharacterId} left {Field}")]
    private static partial void LogExit(ILogger logger, uint characterId, FieldKey field);
}
