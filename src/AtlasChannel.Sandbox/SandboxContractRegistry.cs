using AtlasChannel.Contracts;
using AtlasChannel.Sandbox.Peers;

namespace AtlasChannel.Sandbox;

/// <summary>
/// The contract registry plus the peer-only records of <see cref="PeerContracts"/>, so that handlers on an in-memory
/// bus (tests, future sandbox peers) can subscribe to them. The sandbox works with a plain registry too.
/// </summary>
public sealed class SandboxContractRegistry(IContractRegistry inner) : IContractRegistry
{
    public SandboxContractRegistry()
        : this(ContractRegistry.Default)
    {
    }

    public DecodeResult Decode(string topicToken, ReadOnlySpan<byte> utf8Json)
    {
        var result = inner.Decode(topicToken, utf8Json);
        if (result.Status != DecodeStatus.UnknownType || !PeerContracts.IsPeerOnly(topicToken, result.Type))
            return result;
        try
        {
            return PeerContracts.Deserialize(topicToken, result.Type, utf8Json) is { } message
                ? DecodeResult.Ok(result.Type, message)
                : DecodeResult.Fail(DecodeStatus.Undecodable, result.Type, "value is null");
        }
        catch (System.Text.Json.JsonException ex)
        {
            return DecodeResult.Fail(DecodeStatus.Undecodable, result.Type, ex.Message);
        }
    }

    public byte[] Serialize(object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PeerContracts.IsPeerOnly(message.GetType()) ? PeerContracts.Serialize(message) : inner.Serialize(message);
    }

    public bool IsKnownTopic(string topicToken) => inner.IsKnownTopic(topicToken);
}
