using System.Net;
using System.Net.Sockets;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Channels;

/// <summary>ChannelChange (field.md §10.2, the client's migrate command): success 1, IPv4 octets, u16 port.</summary>
public static partial class ChannelChangePacket
{
    public const string WriterName = "ChannelChange";

    /// <summary>
    /// Sends the migrate command. Atlas splits the address on dots and drops non-numbers, so a host name yields a broken
    /// packet; we refuse anything that is not a literal IPv4 address and close the session instead.
    /// </summary>
    public static bool Send(Session session, string ipAddress, ushort port, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (!IPAddress.TryParse(ipAddress, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            LogNotIpv4(logger, session.Id, ipAddress);
            session.Close("migration target is not an IPv4 address");
            return false;
        }

        return session.Send(WriterName, (address, port), static (writer, in context, target) =>
        {
            Span<byte> octets = stackalloc byte[4];
            target.address.TryWriteBytes(octets, out var written);
            writer.WriteByte(1).WriteBytes(octets).WriteUInt16(target.port);
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {SessionId}: migration address '{Address}' is not a literal IPv4 address; advertise one in the service configuration")]
    private static partial void LogNotIpv4(ILogger logger, Guid sessionId, string address);
}
