using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using BenchmarkDotNet.Attributes;

namespace AtlasChannel.Benchmarks.Protocol;

/// <summary>Whole-packet crypto (header + Shanda for GMS + AES-OFB + IV shuffle) as a session's write/read loop runs it.</summary>
[MemoryDiagnoser]
public class CipherBenchmarks
{
    private readonly MapleCipher _gmsSend = MapleCipher.ServerSend(new ClientVersion("GMS", 83, 1), MapleIv.FromHex("523078E9"));
    private readonly MapleCipher _gmsReceive = MapleCipher.ServerReceive(new ClientVersion("GMS", 83, 1), MapleIv.FromHex("46727AB7"));
    private readonly MapleCipher _jmsSend = MapleCipher.ServerSend(new ClientVersion("JMS", 185, 1), MapleIv.FromHex("523078E9"));
    private readonly MapleCipher _jmsReceive = MapleCipher.ServerReceive(new ClientVersion("JMS", 185, 1), MapleIv.FromHex("46727AB7"));
    private byte[] _packet = [];

    [Params(64, 512, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _packet = new byte[Size + PacketHeader.Length];
        new Random(Size).NextBytes(_packet);
    }

    [Benchmark]
    public void GmsEncrypt() => _gmsSend.EncryptInPlace(_packet);

    [Benchmark]
    public void GmsDecrypt() => _gmsReceive.Decrypt(_packet.AsSpan(PacketHeader.Length));

    [Benchmark]
    public void JmsEncrypt() => _jmsSend.EncryptInPlace(_packet);

    [Benchmark]
    public void JmsDecrypt() => _jmsReceive.Decrypt(_packet.AsSpan(PacketHeader.Length));
}
