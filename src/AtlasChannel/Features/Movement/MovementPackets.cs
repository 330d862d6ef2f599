using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AtlasChannel.Packets;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Opcodes;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Movement;

/// <summary>The byte layout a fragment command selects (common.md §6.2). FALL_DOWN is NORMAL plus <c>fhFallStart</c>.</summary>
public enum MovementLayout : byte
{
    Invalid,
    Normal,
    NormalFallDown,
    Jump,
    Teleport,
    StatChange,
    StartFallDown,
    FlyingBlock,
    Default,
}

/// <summary>What the server keeps from a path (common.md §6.4): the folded final position, stance and foothold.</summary>
public readonly record struct MovementSummary(short X, short Y, byte Stance, short Foothold);

public enum MovementParseError : byte
{
    None,
    NoTypeTable,
    Truncated,
    UnknownCommand,
}

/// <summary>A parsed path: the fold, and how many bytes of the input (header + fragments, no trailer) it spans.</summary>
public readonly record struct MovementParse(MovementParseError Error, MovementSummary Summary, int Length, int FragmentCount, int FailedFragment, byte FailedCommand)
{
    public bool Ok => Error == MovementParseError.None;
}

/// <summary>
/// One version's movement path format: the command table from the template's <c>types</c> option (index = command
/// byte) plus the version's header and NORMAL-fragment variations.
/// </summary>
public sealed class MovementFormat
{
    private static readonly ConditionalWeakTable<object, MovementFormat> ByBinding = [];
    private readonly MovementLayout[] _layouts;

    public MovementFormat(MovementLayout[] layouts, bool headerHasVelocity, bool normalHasOffsets)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        _layouts = layouts;
        HeaderHasVelocity = headerHasVelocity;
        NormalHasOffsets = normalHasOffsets;
    }

    /// <summary>GMS v88+ path headers carry <c>startVx, startVy</c>.</summary>
    public bool HeaderHasVelocity { get; }

    /// <summary>GMS v87+ and JMS NORMAL fragments carry <c>xOffset, yOffset</c>.</summary>
    public bool NormalHasOffsets { get; }

    public int CommandCount => _layouts.Length;

    public MovementLayout LayoutOf(byte command) => command < _layouts.Length ? _layouts[command] : MovementLayout.Invalid;

    /// <summary>The format for a binding's template options, parsed once per binding.</summary>
    public static MovementFormat For(ClientVersion version, JsonElement? options, object cacheKey)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(cacheKey);
        return ByBinding.GetValue(cacheKey, _ => FromOptions(version, options));
    }

    public static MovementFormat For(ClientVersion version, HandlerBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return For(version, binding.Options, binding);
    }

    public static MovementFormat For(ClientVersion version, WriterBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return For(version, binding.Options, binding);
    }

    /// <summary>Reads <c>options.types</c> (<c>[{"Name": …, "Type": …}]</c>); a missing or malformed list gives an empty table.</summary>
    public static MovementFormat FromOptions(ClientVersion version, JsonElement? options)
    {
        ArgumentNullException.ThrowIfNull(version);
        var layouts = new List<MovementLayout>();
        if (options is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty("types", out var types) && types.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in types.EnumerateArray())
                layouts.Add(entry.ValueKind == JsonValueKind.Object ? LayoutOf(Text(entry, "Type"), Text(entry, "Name")) : MovementLayout.Invalid);
        }

        var global = !version.IsJapan;
        return new MovementFormat([.. layouts], headerHasVelocity: global && version.Major >= 88, normalHasOffsets: version.IsJapan || version.Major >= 87);
    }

    private static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static MovementLayout LayoutOf(string? type, string? name) => type switch
    {
        "NORMAL" when name == "FALL_DOWN" => MovementLayout.NormalFallDown,
        "NORMAL" => MovementLayout.Normal,
        "JUMP" => MovementLayout.Jump,
        "TELEPORT" => MovementLayout.Teleport,
        "STAT_CHANGE" => MovementLayout.StatChange,
        "START_FALL_DOWN" => MovementLayout.StartFallDown,
        "FLYING_BLOCK" => MovementLayout.FlyingBlock,
        "DEFAULT" => MovementLayout.Default,
        _ => MovementLayout.Invalid,
    };

    /// <summary>Bytes after the command byte, or −1 for an invalid layout.</summary>
    public int FragmentLength(MovementLayout layout) => layout switch
    {
        MovementLayout.Normal => 10 + (NormalHasOffsets ? 4 : 0) + 3,
        MovementLayout.NormalFallDown => 12 + (NormalHasOffsets ? 4 : 0) + 3,
        MovementLayout.Jump => 4 + 3,
        MovementLayout.Teleport => 6 + 3,
        MovementLayout.StartFallDown => 6 + 3,
        MovementLayout.FlyingBlock => 8 + 3,
        MovementLayout.StatChange => 1,
        MovementLayout.Default => 3,
        _ => -1,
    };

    public int HeaderLength => HeaderHasVelocity ? 8 : 4;

    /// <summary>
    /// Parses a movement path (common.md §6.1–6.2) from the start of <paramref name="path"/> and folds it (§6.4) from
    /// (startX, startY, stance 0) and <paramref name="foothold"/>. Never throws; bytes after the last fragment (the
    /// client's trailer) are not part of <see cref="MovementParse.Length"/>.
    /// </summary>
    public MovementParse Parse(ReadOnlySpan<byte> path, short foothold)
    {
        if (_layouts.Length == 0)
            return new MovementParse(MovementParseError.NoTypeTable, default, 0, 0, -1, 0);
        var header = HeaderLength;
        if (path.Length < header + 1)
            return new MovementParse(MovementParseError.Truncated, default, 0, 0, -1, 0);
        var x = BinaryPrimitives.ReadInt16LittleEndian(path);
        var y = BinaryPrimitives.ReadInt16LittleEndian(path[2..]);
        byte stance = 0;
        int count = path[header];
        var offset = header + 1;
        for (var i = 0; i < count; i++)
        {
            if (offset >= path.Length)
                return new MovementParse(MovementParseError.Truncated, default, 0, count, i, 0);
            var command = path[offset];
            var layout = LayoutOf(command);
            var length = FragmentLength(layout);
            if (length < 0)
                return new MovementParse(MovementParseError.UnknownCommand, default, 0, count, i, command);
            var body = offset + 1;
            if (body + length > path.Length)
                return new MovementParse(MovementParseError.Truncated, default, 0, count, i, command);
            var fragment = path.Slice(body, length);
            switch (layout)
            {
                case MovementLayout.Normal:
                case MovementLayout.NormalFallDown:
                    x = BinaryPrimitives.ReadInt16LittleEndian(fragment);
                    y = BinaryPrimitives.ReadInt16LittleEndian(fragment[2..]);
                    foothold = BinaryPrimitives.ReadInt16LittleEndian(fragment[8..]);
                    stance = fragment[length - 3];
                    break;
                case MovementLayout.Jump:
                case MovementLayout.Teleport:
                case MovementLayout.StartFallDown:
                    // Atlas and spec/kafka/movement.md: these set only the stance (TELEPORT's x/y are not folded).
                    stance = fragment[length - 3];
                    break;
            }

            offset = body + length;
        }

        return new MovementParse(MovementParseError.None, new MovementSummary(x, y, stance, foothold), offset, count, -1, 0);
    }
}

/// <summary>CharacterMoveHandle / CharacterMovement byte layouts (field.md §7).</summary>
public static class MovementPackets
{
    public const string MoveHandler = "CharacterMoveHandle";
    public const string MovementWriter = "CharacterMovement";

    /// <summary>
    /// Bytes before the path in CharacterMoveHandle: v83 and JMS <c>byte fieldKey, int32 fieldCrc</c>; GMS v84+ adds
    /// the anti-cheat ints (29 bytes); GMS v61 and older have no crc.
    /// </summary>
    public static int MoveHandlePrefixLength(ClientVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.IsJapan)
            return 5;
        if (version.Major >= 84)
            return 29;
        return version.Major <= 61 ? 1 : 5;
    }

    /// <summary>CharacterMovement payload (field.md §7.2): <c>int32 characterId</c> then the path as the client sent it, without its trailer.</summary>
    public static readonly PacketBody<MovementRelay> Movement = static (writer, in context, relay) =>
        writer.WriteInt32(relay.CharacterId).WriteBytes(relay.Path.Span);
}

/// <summary>The relayed path: header + fragments exactly as received (the parse proved them well-formed).</summary>
public readonly record struct MovementRelay(int CharacterId, ReadOnlyMemory<byte> Path);
