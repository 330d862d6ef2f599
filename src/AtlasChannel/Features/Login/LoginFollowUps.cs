using AtlasChannel.Contracts.Rest;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Login;

/// <summary>
/// What follows SetField (session-lifecycle.md §5.2 step 6.5): the world message and the skill macros. Each is
/// optional: a peer that fails only costs that packet, never the login.
/// </summary>
public sealed partial class LoginFollowUps(PeerHttp http, ILogger<LoginFollowUps> logger)
{
    public const string Worlds = "WORLDS";

    public async Task SendAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await Task.WhenAll(SendWorldMessageAsync(session, cancellationToken), SendMacrosAsync(session, cancellationToken));
    }

    private async Task SendWorldMessageAsync(Session session, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetAsync(Worlds, $"worlds/{session.Server.WorldId}", session.Tenant, cancellationToken);
            if (body is null)
                return;
            var message = JsonApiDocument.Parse(body).Single("worlds").Attributes.StringOrNull("message") ?? string.Empty;
            if (message.Length > 0)
                session.Send(LoginFollowUpPackets.WorldMessageWriter, message, static (writer, in context, text) => LoginFollowUpPackets.WriteTopScroll(writer, context.Binding, text));
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogSkipped(logger, session.Id, "world message", ex.Message);
        }
    }

    private async Task SendMacrosAsync(Session session, CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetAsync(PeerRoots.Skills, $"characters/{session.CharacterId}/macros", session.Tenant, cancellationToken);
            IReadOnlyList<SkillMacroResource> macros = body is null ? [] : RestResources.ReadMacros(body);
            session.Send(LoginFollowUpPackets.SkillMacroWriter, macros, static (writer, in _, list) => LoginFollowUpPackets.WriteMacros(writer, list));
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            LogSkipped(logger, session.Id, "skill macros", ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: {What} not sent after login: {Reason}")]
    private static partial void LogSkipped(ILogger logger, Guid sessionId, string what, string reason);
}
