using AtlasChannel.Contracts;
using AtlasChannel.Features.Chairs;
using AtlasChannel.Handlers;
using AtlasChannel.Messaging;
using AtlasChannel.Packets;
using AtlasChannel.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Chalkboards;

/// <summary>ChalkboardUse (chat-social.md §5.1).</summary>
public static class ChalkboardPackets
{
    public const string Writer = "ChalkboardUse";

    /// <summary>Chalkboard text comes from the chalkboards service; still bounded before it reaches a whole map.</summary>
    public const int MaxMessageLength = 1024;

    public static readonly PacketBody<(uint CharacterId, string Message)> Open =
        static (writer, in context, state) => writer.WriteUInt32(state.CharacterId).WriteBool(true).WriteString(state.Message);

    public static readonly PacketBody<uint> Close =
        static (writer, in context, characterId) => writer.WriteUInt32(characterId).WriteBool(false);
}

/// <summary>
/// <c>ChalkboardCloseHandle</c> (§5.2, empty body) → COMMAND_TOPIC_CHALKBOARD CLEAR. Opening one is a cash-item use
/// (<c>CharacterCashItemUseHandle</c>, classification 537), which belongs to the cash item feature.
/// </summary>
public sealed partial class ChalkboardCloseHandler(ICommandPublisher publisher, ILogger<ChalkboardCloseHandler> logger) : IPacketHandler
{
    public string Name => "ChalkboardCloseHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (session.Phase != SessionPhase.InField)
            return;
        if (!await publisher.PublishAsync(Topics.CommandChalkboard, MessageKeys.Create(session.CharacterId), Clear(session), session.Tenant, cancellationToken))
        {
            LogNotSent(logger, session.Id);
            EnableActions.Send(session);
        }
    }

    public static ChalkboardCommand<EmptyBody> Clear(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new ChalkboardCommand<EmptyBody>
        {
            WorldId = session.Map.WorldId,
            ChannelId = session.Map.ChannelId,
            MapId = session.Map.MapId,
            Instance = session.Map.Instance,
            CharacterId = (uint)session.CharacterId,
            Type = ChalkboardTypes.Clear,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: chalkboard CLEAR could not be sent to the chalkboards service")]
    private static partial void LogNotSent(ILogger logger, Guid sessionId);
}

/// <summary>EVENT_TOPIC_CHALKBOARD_STATUS → ChalkboardUse to the field (owner included); CLEAR also unlocks the owner.</summary>
/// <remarks>The reference broadcasts to the nil instance; we use the event's instance (same for ordinary maps).</remarks>
public sealed partial class ChalkboardEvents(ISessionRegistry registry, ILogger<ChalkboardEvents> logger) : IEventHandlers
{
    public void Subscribe(IMessageSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        subscriber.Subscribe<ChalkboardStatusEvent<ChalkboardSetBody>>(Topics.EventChalkboardStatus, OnSetAsync);
        subscriber.Subscribe<ChalkboardStatusEvent<EmptyBody>>(Topics.EventChalkboardStatus, OnClearAsync);
    }

    public ValueTask OnSetAsync(ConsumedMessage<ChalkboardStatusEvent<ChalkboardSetBody>> consumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        var e = consumed.Message;
        if (e.Type != ChalkboardTypes.Set)
            return ValueTask.CompletedTask;
        if (e.Body.Message.Length > ChalkboardPackets.MaxMessageLength)
        {
            LogOversize(logger, e.CharacterId, e.Body.Message.Length);
            return ValueTask.CompletedTask;
        }

        registry.SendToMap(Map(consumed.Tenant, e), ChalkboardPackets.Writer, (e.CharacterId, e.Body.Message), ChalkboardPackets.Open);
        return ValueTask.CompletedTask;
    }

    public ValueTask OnClearAsync(ConsumedMessage<ChalkboardStatusEvent<EmptyBody>> consumed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumed);
        var e = consumed.Message;
        if (e.Type != ChalkboardTypes.Clear)
            return ValueTask.CompletedTask;
        var map = Map(consumed.Tenant, e);
        registry.SendToMap(map, ChalkboardPackets.Writer, e.CharacterId, ChalkboardPackets.Close);
        if (e.CharacterId is > 0 and <= int.MaxValue && registry.FindByCharacter(consumed.Tenant.Id, (int)e.CharacterId) is { } owner &&
            owner.Server.WorldId == e.WorldId && owner.Server.ChannelId == e.ChannelId)
            EnableActions.Send(owner);
        return ValueTask.CompletedTask;
    }

    private static MapKey Map<TBody>(Tenant tenant, ChalkboardStatusEvent<TBody> e)
        where TBody : new() => new(tenant.Id, e.WorldId, e.ChannelId, e.MapId, e.Instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chalkboard SET of character {CharacterId}: text of {Length} characters dropped")]
    private static partial void LogOversize(ILogger logger, uint characterId, int length);
}

public static class ChalkboardFeature
{
    public static IServiceCollection AddChalkboardFeature(this IServiceCollection services)
    {
        services.AddSingleton<IPacketHandler, ChalkboardCloseHandler>();
        services.AddSingleton<IEventHandlers, ChalkboardEvents>();
        return services;
    }
}
