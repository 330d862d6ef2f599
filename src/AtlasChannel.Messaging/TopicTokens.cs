namespace AtlasChannel.Messaging;

/// <summary>Topic tokens the messaging layer itself needs to know about (start offsets, tenant filter exceptions).</summary>
public static class TopicTokens
{
    public const string AccountSessionStatusEvent = "EVENT_TOPIC_ACCOUNT_SESSION_STATUS";
    public const string NoteStatusEvent = "EVENT_TOPIC_NOTE_STATUS";
    public const string ChannelStatusCommand = "COMMAND_TOPIC_CHANNEL_STATUS";
    public const string TransportStatusEvent = "EVENT_TOPIC_TRANSPORT_STATUS";
}
