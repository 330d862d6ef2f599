using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Packets;

/// <summary>
/// Builds server packets for one tenant: the opcode comes from the tenant template by writer name (several names
/// may share an opcode), the payload from a <see cref="PacketBody{TState}"/>.
/// </summary>
public sealed class PacketEncoder
{
    private readonly OpcodeTable _opcodes;
    private readonly System.Text.Encoding _encoding;

    public PacketEncoder(OpcodeTable opcodes)
    {
        ArgumentNullException.ThrowIfNull(opcodes);
        _opcodes = opcodes;
        _encoding = PacketEncoding.For(opcodes.Version);
    }

    public ClientVersion Version => _opcodes.Version;

    public System.Text.Encoding Encoding => _encoding;

    public bool Supports(string writerName) => _opcodes.TryGetWriter(writerName, out _);

    /// <summary>
    /// Encodes a packet into a pooled <see cref="SharedPacket"/> holding one reference for the caller, or returns
    /// <see langword="null"/> when the tenant template has no such writer ("writer not found" in Atlas).
    /// </summary>
    public SharedPacket? Encode<TState>(string writerName, TState state, PacketBody<TState> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!_opcodes.TryGetWriter(writerName, out var binding))
            return null;
        var writer = PacketWriter.Rent(_encoding);
        try
        {
            writer.WriteOpcode(binding.Opcode, _opcodes.Version.OpcodeWidth);
            body(writer, new WriterContext(_opcodes.Version, binding), state);
            return SharedPacket.Create(writer.WrittenSpan, writerName, binding.Opcode);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>
    /// Encodes a packet whose writer emits the opcode itself (packet code that takes the opcode table, such as
    /// SetField). Returns <see langword="null"/> when the tenant has no such writer.
    /// </summary>
    public SharedPacket? EncodeWhole<TState>(string writerName, TState state, Action<PacketWriter, OpcodeTable, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (!_opcodes.TryGetWriter(writerName, out var binding))
            return null;
        var writer = PacketWriter.Rent(_encoding);
        try
        {
            write(writer, _opcodes, state);
            return SharedPacket.Create(writer.WrittenSpan, writerName, binding.Opcode);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Encodes into a plain array (tests, tools).</summary>
    public byte[]? EncodeToArray<TState>(string writerName, TState state, PacketBody<TState> body)
    {
        var packet = Encode(writerName, state, body);
        if (packet is null)
            return null;
        var bytes = packet.Body.ToArray();
        packet.Release();
        return bytes;
    }
}
