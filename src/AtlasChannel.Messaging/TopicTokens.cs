using AtlasChannel.Contracts;

namespace AtlasChannel.Messaging;

/// <summary>The topic tokens the messaging layer itself needs (start offsets, tenant-filter exceptions), from the contract.</summary>
public static class TopicTokens
{
    public const string AccountSessionStatusEvent = Topics.EventAccountSessionStatus;
    public const string NoteStatusEvent = Topics.EventNoteStatus;
    public const string ChannelStatusCommand = Topics.CommandChannelStatus;
    public const string TransportStatusEvent = Topics.EventTransportStatus;
}
