namespace AtlasChannel.Protocol.Packets;

/// <summary>A point on a map, as two int16s on the wire.</summary>
public readonly record struct Position(short X, short Y);
