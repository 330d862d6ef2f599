namespace AtlasChannel.Contracts;

/// <summary>Direction of a (topic, type) from the channel's point of view.</summary>
public enum MessageDirection
{
    Consumed,
    Produced,
}
