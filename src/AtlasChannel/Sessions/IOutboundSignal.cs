using AtlasChannel.Packets;

namespace AtlasChannel.Sessions;

/// <summary>What sends a session's packets once attached; may be called from any thread.</summary>
internal interface IOutboundSignal
{
    /// <summary>The session's own queue gained packets, or the session closed.</summary>
    void PacketsQueued();

    /// <summary>Takes one reference to <paramref name="packet"/> for this session's stream, in call order per thread.</summary>
    void Post(SharedPacket packet);
}
