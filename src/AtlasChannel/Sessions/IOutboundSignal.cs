namespace AtlasChannel.Sessions;

/// <summary>Told when a session's outbound queue gained packets (or the session closed); may be called from any thread.</summary>
internal interface IOutboundSignal
{
    void PacketsQueued();
}
