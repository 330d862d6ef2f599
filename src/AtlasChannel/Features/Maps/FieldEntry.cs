using System.Globalization;
using AtlasChannel.Contracts;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>The field a character is entering: tenant, world, channel, map and instance (all-zero for a normal map).</summary>
public sealed record FieldOfEntry(Tenant Tenant, byte WorldId, byte ChannelId, uint MapId, Guid Instance)
{
    /// <summary>The peers' in-field route prefix: <c>worlds/{w}/channels/{c}/maps/{m}/instances/{i}</c> (rest/README.md §1.3).</summary>
    public string InstancePath => string.Create(CultureInfo.InvariantCulture, $"worlds/{WorldId}/channels/{ChannelId}/maps/{MapId}/instances/{Instance:D}");

    /// <summary>The field's sessions in the registry (the field the CharacterSpawn exchange used).</summary>
    public MapKey Key => new(Tenant.Id, WorldId, ChannelId, MapId, Instance);
}

/// <summary>
/// One kind of thing already in a field that a character entering it is shown (map.md CHARACTER_ENTER step 4).
/// A part sends to <c>entering</c> (pets and party HP also tell the others in the field about it); its own REST failure
/// costs only its own packets.
/// </summary>
public interface IFieldEntryPart
{
    /// <summary>For logs: "monsters", "drops", …</summary>
    string Name { get; }

    Task SendAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken);
}

/// <summary>
/// Runs every <see cref="IFieldEntryPart"/> concurrently for the character of a CHARACTER_ENTER, once it has a
/// session on this channel server (same tenant, world and channel). A part that throws is logged and contained.
/// </summary>
public sealed partial class FieldEntry(SessionRegistry registry, IEnumerable<IFieldEntryPart> parts, ILogger<FieldEntry> logger)
{
    private readonly IFieldEntryPart[] _parts = [.. parts];

    public IReadOnlyList<IFieldEntryPart> Parts => _parts;

    public Task SendForEnterAsync(Tenant tenant, MapStatusEvent<MapCharacterBody> status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var entering = registry.FindOnChannel(tenant.Id, unchecked((int)status.Body.CharacterId), status.WorldId, status.ChannelId);
        if (entering is null)
            return Task.CompletedTask;
        var field = new FieldOfEntry(entering.Tenant, status.WorldId, status.ChannelId, status.MapId, status.Instance);
        return Task.WhenAll(_parts.Select(part => RunAsync(part, entering, field, cancellationToken)));
    }

    private async Task RunAsync(IFieldEntryPart part, Session entering, FieldOfEntry field, CancellationToken cancellationToken)
    {
        try
        {
            await part.SendAsync(entering, field, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
#pragma warning disable CA1031 // One part's bug must not cost the other parts or the map entry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var name = part.Name;
            LogPartFailed(logger, ex, entering.Id, name, field.MapId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: {Part} of map {MapId} not sent (unexpected failure)")]
    private static partial void LogPartFailed(ILogger logger, Exception exception, Guid sessionId, string part, uint mapId);
}

/// <summary>
/// A part fed by one JSON:API collection: fetch, parse every resource defensively (a bad resource is skipped with a
/// debug log, never thrown), send one packet per usable resource. Transport errors, non-200/202 answers (404
/// included) and undecodable documents log one warning and send nothing.
/// </summary>
public abstract partial class FieldEntryCollectionPart<T>(PeerHttp http, ILogger logger) : IFieldEntryPart
{
    public abstract string Name { get; }

    /// <summary>REST root token (<see cref="PeerRoots"/>).</summary>
    protected abstract string Token { get; }

    /// <summary>The JSON:API type every resource must have.</summary>
    protected abstract string ResourceType { get; }

    protected ILogger Logger { get; } = logger;

    protected abstract string PathOf(FieldOfEntry field);

    /// <summary>Reads one resource; false (with <paramref name="why"/>) skips it.</summary>
    protected abstract bool TryRead(JsonApiResource resource, FieldOfEntry field, out T item, out string why);

    /// <summary>One packet per item (the default <see cref="SendAsync"/>).</summary>
    protected virtual void Send(Session entering, FieldOfEntry field, T item)
    {
    }

    public virtual async Task SendAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entering);
        ArgumentNullException.ThrowIfNull(field);
        foreach (var item in await FetchAsync(entering, field, cancellationToken) ?? [])
            Send(entering, field, item);
    }

    /// <summary>The usable items, or <see langword="null"/> when the lookup failed (already logged).</summary>
    public async Task<IReadOnlyList<T>?> FetchAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entering);
        ArgumentNullException.ThrowIfNull(field);
        var path = PathOf(field);
        byte[]? body;
        try
        {
            body = await http.GetAsync(Token, path, field.Tenant, cancellationToken);
        }
        catch (PeerException ex)
        {
            LogLookupFailed(entering.Id, path, ex.Message);
            return null;
        }

        if (body is null)
        {
            LogLookupFailed(entering.Id, path, "HTTP 404");
            return null;
        }

        try
        {
            return Read(body, field);
        }
        catch (JsonApiFormatException ex)
        {
            LogLookupFailed(entering.Id, path, ex.Message);
            return null;
        }
    }

    /// <summary>Parses a response body (throws <see cref="JsonApiFormatException"/> only for a non-collection document).</summary>
    public IReadOnlyList<T> Read(ReadOnlySpan<byte> body, FieldOfEntry field) =>
        TolerantCollection.Read(body, ResourceType, (JsonApiResource resource, out T item, out string why) => TryRead(resource, field, out item, out why),
            (resource, why) => LogSkipped(resource.Type, resource.Id, why));

    private void LogLookupFailed(Guid sessionId, string path, string reason)
    {
        var name = Name;
        LogLookupFailed(Logger, sessionId, name, path, reason);
    }

    private void LogSkipped(string type, string id, string why) => LogResourceSkipped(Logger, type, id, why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: {Part} not sent, {Path} failed: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, Guid sessionId, string part, string path, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Field entry: {Type} '{Id}' skipped: {Why}")]
    private static partial void LogResourceSkipped(ILogger logger, string type, string id, string why);
}
