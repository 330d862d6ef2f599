using System.Globalization;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// The town clock (field.md §18, type 1) when the map data says the map has one (DATA <c>data/maps/{id}</c>
/// attribute <c>clock</c>, data.md §1). The time is the server's local time of day, as the reference sends it.
/// A DATA failure, or a document without a readable <c>clock</c>, sends nothing.
/// </summary>
public sealed partial class FieldClock(PeerHttp http, TimeProvider clock, ILogger<FieldClock> logger) : IFieldEntryPart
{
    public string Name => "clock";

    public async Task SendAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entering);
        ArgumentNullException.ThrowIfNull(field);
        var path = string.Create(CultureInfo.InvariantCulture, $"data/maps/{field.MapId}");
        bool hasClock;
        try
        {
            var body = await http.GetAsync(PeerRoots.Data, path, field.Tenant, cancellationToken);
            if (body is null)
            {
                LogLookupFailed(logger, entering.Id, path, "HTTP 404");
                return;
            }

            hasClock = HasClock(body);
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogLookupFailed(logger, entering.Id, path, ex.Message);
            return;
        }

        if (!hasClock)
            return;
        var now = TimeOnly.FromDateTime(clock.GetLocalNow().DateTime);
        entering.Send(FieldObjectPackets.ClockWriter, now, static (writer, in _, t) => FieldObjectPackets.WriteTownClock(writer, t));
    }

    /// <summary>True only for a <c>maps</c> resource whose <c>clock</c> is JSON <c>true</c>.</summary>
    public static bool HasClock(ReadOnlySpan<byte> body)
    {
        var map = JsonApiDocument.Parse(body).Single("maps");
        return map.Attributes.TryBool("clock", out var value) && value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: clock not sent, {Path} failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, string path, string reason);
}
