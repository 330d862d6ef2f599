using AtlasChannel.Features.Characters;
using AtlasChannel.Handlers;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.KeyMap;

/// <summary>
/// <c>CharacterKeyMapChangeHandle</c> (field.md §14.3): mode 0 = key bindings (one KEYS PATCH per changed key),
/// mode 1/2 = the auto-HP/MP potion (key 91/92, type 7). No Kafka and no reply packet.
/// </summary>
public sealed partial class CharacterKeyMapChangeHandler(KeyMapPeer keys, ILogger<CharacterKeyMapChangeHandler> logger) : IPacketHandler
{
    public const sbyte PotionType = 7;
    private const int ChangeSize = 9;

    public string Name => "CharacterKeyMapChangeHandle";

    public async ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        if (!TryParse(context, out var changes))
        {
            LogMalformed(logger, session.Id);
            return;
        }

        if (session.Phase != SessionPhase.InField)
            return;
        try
        {
            foreach (var (key, type, action) in changes)
                await keys.PatchAsync(session.Tenant, session.CharacterId, key, type, action, cancellationToken);
        }
        catch (PeerException ex)
        {
            LogPatchFailed(logger, session.Id, ex.Message);
        }
    }

    /// <summary>Parses the whole packet before anything is sent; a count the payload cannot hold is rejected.</summary>
    public static bool TryParse(PacketContext context, out List<(int Key, sbyte Type, int Action)> changes)
    {
        changes = [];
        var reader = context.Reader();
        var mode = reader.ReadInt32();
        switch (mode)
        {
            case 0:
                var count = reader.ReadInt32();
                if (count < 0 || count > CharacterKeyMap.KeyCount || count * ChangeSize > reader.Remaining)
                    return false;
                for (var i = 0; i < count; i++)
                {
                    var key = reader.ReadInt32();
                    var type = unchecked((sbyte)reader.ReadByte());
                    var action = reader.ReadInt32();
                    if (key is < 0 or >= CharacterKeyMap.KeyCount)
                        return false;
                    changes.Add((key, type, action));
                }

                return true;
            case 1:
                changes.Add((CharacterKeyMap.AutoHpKey, PotionType, reader.ReadInt32()));
                return true;
            case 2:
                changes.Add((CharacterKeyMap.AutoMpKey, PotionType, reader.ReadInt32()));
                return true;
            default:
                return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: malformed key-map change dropped")]
    private static partial void LogMalformed(ILogger logger, Guid sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: key-map PATCH failed: {Reason}")]
    private static partial void LogPatchFailed(ILogger logger, Guid sessionId, string reason);
}
