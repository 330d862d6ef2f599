using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Tool.Bot;

/// <summary>Walks back and forth on a line around a start point, one NORMAL fragment per step.</summary>
internal sealed class MovementWalker(Position start, short range = 150, short speed = 125)
{
    private readonly Position _start = start;
    private Position _at = start;
    private int _direction = 1;

    public Position Position => _at;

    /// <summary>The next step's payload for a step lasting <paramref name="elapseMs"/>, stamped with <paramref name="sequence"/>.</summary>
    public byte[] Step(Protocol.ClientVersion version, ushort sequence, short elapseMs, short foothold = 0)
    {
        var distance = Math.Max(1, speed * elapseMs / 1000);
        var x = _at.X + (_direction * distance);
        if (x > _start.X + range || x < _start.X - range)
        {
            _direction = -_direction;
            x = _at.X + (_direction * distance);
        }

        var to = new Position((short)x, _start.Y);
        var payload = MovementPayloads.Walk(version, _at, to, (short)(_direction * speed), sequence, foothold, elapseMs);
        _at = to;
        return payload;
    }
}
