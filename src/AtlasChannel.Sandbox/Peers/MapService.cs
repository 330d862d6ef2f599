using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sandbox.State;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Sandbox.Peers;

/// <summary>
/// The maps service: keeps the characters-in-field view behind the MAPS endpoint and emits CHARACTER_ENTER /
/// CHARACTER_EXIT. The real service reacts to the character service's LOGIN / LOGOUT events; here the character
/// service calls it in process, right after publishing them.
/// </summary>
internal sealed partial class MapService(SandboxOptions options, FieldPopulation population, PeerPublisher publisher, ILogger<MapService> logger)
    : PeerService(options, logger)
{
    protected override IEnumerable<IDisposable> CreateSubscriptions(IMessageSubscriber subscriber) => [];

    public async ValueTask CharacterEnterAsync(Tenant tenant, FieldKey field, uint characterId, CancellationToken cancellationToken)
    {
        // The view is updated first: the channel asks MAPS who is in the field when it handles CHARACTER_ENTER.
        population.Enter(field, characterId);
        LogEnter(Logger, characterId, field);
        await PublishAsync(tenant, field, characterId, MapStatusTypes.CharacterEnter, cancellationToken);
    }

    public async ValueTask CharacterExitAsync(Tenant tenant, FieldKey field, uint characterId, CancellationToken cancellationToken)
    {
        population.Exit(field, characterId);
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
