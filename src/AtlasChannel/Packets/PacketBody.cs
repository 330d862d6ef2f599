using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Packets;

/// <summary>What a packet body builder may consult: the tenant's client version and the writer's template options.</summary>
public readonly record struct WriterContext(ClientVersion Version, WriterBinding Binding);

/// <summary>
/// Writes a packet's payload (everything after the opcode). Generic over a state value so callers can pass
/// <c>static</c> lambdas and nothing is captured or allocated per packet.
/// </summary>
public delegate void PacketBody<in TState>(PacketWriter writer, in WriterContext context, TState state);
