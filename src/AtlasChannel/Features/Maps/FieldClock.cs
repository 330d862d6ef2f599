using AtlasChannel.Contracts.Rest;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// The town clock (field.md §18, type 1) when the map data says the map has one (DATA <c>data/maps/{id}</c>
/// attribute <c>clock</c>, data.md §1, through <see cref="MapDataReader"/>). The time is the server's local time of
/// day, as the reference sends it. A DATA failure, or a document without a readable <c>clock</c>, sends nothing.
/// </summary>
public sealed partial class FieldClock(MapDataReader maps, TimeProvider clock, ILogger<FieldClock> logger) : IFieldEntryPart
{
    public string Name => "clock";

    public async Task SendAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entering);
        ArgumentNullException.ThrowIfNull(field);
        MapFacts? facts;
        try
        {
            facts = await maps.GetAsync(field.Tenant, field.MapId, cancellationToken);
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogLookupFailed(logger, entering.Id, field.MapId, ex.Message);
            return;
        }

        if (facts is null)
        {
            LogLookupFailed(logger, entering.Id, field.MapId, "HTTP 404");
            return;
        }

        if (!facts.HasClock)
            return;
        var now = TimeOnly.FromDateTime(clock.GetLocalNow().DateTime);
        entering.Send(FieldObjectPackets.ClockWriter, now, static (writer, in _, t) => FieldObjectPackets.WriteTownClock(writer, t));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: clock not sent, data of map {MapId} failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, uint mapId, string reason);
}
