using AtlasChannel.Packets;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Fame;

/// <summary>Who gave fame and whether it was up (RECEIVE), or whom the giver famed and the new total (GIVE).</summary>
public readonly record struct FameResult(string Name, bool Up, int NewFame);

/// <summary>FameResponse (chat-social.md §7.2). Modes come from writer <c>options.operations</c> (hex strings).</summary>
public static class FamePackets
{
    public const string Writer = "FameResponse";
    public const string Give = "GIVE";
    public const string Receive = "RECEIVE";
    public const string Unexpected = "UNEXPECTED";

    private static readonly HashSet<string> ErrorKeys = new(StringComparer.Ordinal)
    {
        "INVALID_NAME", "NOT_MINIMUM_LEVEL", "NOT_TODAY", "NOT_THIS_MONTH", Unexpected,
    };

    /// <summary>The option key of a fame-service error string; anything unknown is UNEXPECTED.</summary>
    public static string ErrorKey(string error) => ErrorKeys.Contains(error) ? error : Unexpected;

    /// <summary>
    /// The client reads <c>newFame</c> as int32; Atlas writes int16 + int16 0, which breaks negative totals. We write
    /// the int32.
    /// </summary>
    public static void WriteGive(PacketWriter writer, in WriterContext context, FameResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteByte(TemplateOptions.Code(context.Binding.Options, "operations", Give, Writer))
            .WriteString(result.Name)
            .WriteBool(result.Up)
            .WriteInt32(result.NewFame);
    }

    public static void WriteReceive(PacketWriter writer, in WriterContext context, FameResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteByte(TemplateOptions.Code(context.Binding.Options, "operations", Receive, Writer))
            .WriteString(result.Name)
            .WriteBool(result.Up);
    }

    public static void WriteError(PacketWriter writer, in WriterContext context, string errorKey)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteByte(TemplateOptions.Code(context.Binding.Options, "operations", errorKey, Writer));
    }
}
