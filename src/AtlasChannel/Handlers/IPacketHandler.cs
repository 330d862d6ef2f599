using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;
using AtlasChannel.Sessions;

namespace AtlasChannel.Handlers;

/// <summary>
/// Handles one client packet type, bound by name from the tenant template (e.g. <c>CharacterLoggedInHandle</c>).
/// Handlers parse synchronously from <see cref="PacketContext.Reader"/>, then do their async work.
/// </summary>
public interface IPacketHandler
{
    /// <summary>The handler name as tenant templates spell it.</summary>
    string Name { get; }

    ValueTask HandleAsync(PacketContext context, CancellationToken cancellationToken);
}

/// <summary>One received packet: the session, the payload after the opcode, and the template binding with its options.</summary>
public readonly struct PacketContext(Session session, ReadOnlyMemory<byte> payload, HandlerBinding binding)
{
    public Session Session { get; } = session;

    public ReadOnlyMemory<byte> Payload { get; } = payload;

    public HandlerBinding Binding { get; } = binding;

    public PacketReader Reader() => new(Payload.Span, Session.Encoder.Encoding);
}
