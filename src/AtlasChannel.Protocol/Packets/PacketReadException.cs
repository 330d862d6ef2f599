namespace AtlasChannel.Protocol.Packets;

/// <summary>A read ran past the end of a packet body (or met an impossible value). The packet is malformed.</summary>
public sealed class PacketReadException : Exception
{
    public PacketReadException()
    {
    }

    public PacketReadException(string message)
        : base(message)
    {
    }

    public PacketReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PacketReadException(int position, int wanted, int available)
        : base($"packet too short: wanted {wanted} byte(s) at offset {position}, {available} left")
    {
        Position = position;
        Wanted = wanted;
        Available = available;
    }

    public int Position { get; }

    public int Wanted { get; }

    public int Available { get; }
}
