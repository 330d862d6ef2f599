using System.Collections.Concurrent;
using AtlasChannel.Contracts;
using AtlasChannel.Messaging;
using AtlasChannel.Sessions;

namespace AtlasChannel.Features.CashShop;

/// <summary>The channel's own EVENT_TOPIC_CASH_SHOP_STATUS events (spec/kafka/cashshop.md "Produced types").</summary>
public sealed class CashShopStatus(ICommandPublisher publisher)
{
    public Task<bool> CharacterEnterAsync(Session session, CancellationToken cancellationToken) =>
        PublishAsync(session, CashShopStatusTypes.CharacterEnter, cancellationToken);

    public Task<bool> CharacterExitAsync(Session session, CancellationToken cancellationToken) =>
        PublishAsync(session, CashShopStatusTypes.CharacterExit, cancellationToken);

    // The envelope's characterId stays 0: only the body carries it (as Atlas produces it).
    private Task<bool> PublishAsync(Session session, string type, CancellationToken cancellationToken) =>
        publisher.PublishAsync(Topics.EventCashShopStatus, MessageKeys.Create(session.CharacterId), new CashShopStatusEvent<CashShopCharacterMovementBody>
        {
            WorldId = session.Server.WorldId,
            CharacterId = 0,
            Type = type,
            Body = new CashShopCharacterMovementBody
            {
                CharacterId = (uint)session.CharacterId,
                ChannelId = session.Server.ChannelId,
                MapId = session.Map.MapId,
            },
        }, session.Tenant, cancellationToken);
}

/// <summary>
/// Which sessions are showing the cash shop. Kept here rather than on <see cref="Session"/> so the feature needs no
/// change to the session type; an entry disappears with its session.
/// </summary>
public sealed class CashShopPresence
{
    private readonly ConcurrentDictionary<Guid, byte> _inShop = new();

    public bool IsInShop(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _inShop.ContainsKey(session.Id);
    }

    /// <summary>Marks the session as in the shop; false when it already was.</summary>
    public bool TryEnter(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!_inShop.TryAdd(session.Id, 0))
            return false;
        session.Closed.Register(static state =>
        {
            var (presence, id) = ((CashShopPresence, Guid))state!;
            presence._inShop.TryRemove(id, out _);
        }, (this, session.Id));
        return true;
    }

    public bool Leave(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return _inShop.TryRemove(session.Id, out _);
    }
}
