using System.Security.Cryptography;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Crypto;
using BenchmarkDotNet.Attributes;

namespace AtlasChannel.Benchmarks.Protocol;

/// <summary>
/// The layers alone. <see cref="AesOfbLibraryEcbBaseline"/> is the obvious managed implementation (one
/// <c>Aes.EncryptEcb</c> call per 16-byte block, keystream continued per chunk) measured in the same run, so the
/// hardware path is reported as a ratio against it.
/// </summary>
[MemoryDiagnoser]
public class CipherLayerBenchmarks
{
    private readonly Aes _libraryAes = CreateLibraryAes();
    private readonly byte[] _block = new byte[16];
    private byte[] _data = [];
    private MapleIv _iv = MapleIv.FromHex("523078E9");

    [Params(64, 512, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(Size).NextBytes(_data);
    }

    [Benchmark]
    public void AesOfb() => MapleAes.Transform(_data, _iv, IvExpansion.RepeatFourBytes);

    [Benchmark(Baseline = true)]
    public void AesOfbLibraryEcbBaseline()
    {
        var chunk = MapleAes.FirstChunkLength;
        for (var start = 0; start < _data.Length; start += chunk, chunk = MapleAes.ChunkLength)
        {
            var end = Math.Min(start + chunk, _data.Length);
            for (var i = 0; i < 16; i++)
                _block[i] = (byte)(_iv.Value >> (8 * (i % 4)));
            for (var j = start; j < end; j++)
            {
                if ((j - start) % 16 == 0)
                    _libraryAes.EncryptEcb(_block, _block, PaddingMode.None);
                _data[j] ^= _block[(j - start) % 16];
            }
        }
    }

    [Benchmark]
    public void ShandaEncrypt() => Shanda.Encrypt(_data);

    [Benchmark]
    public void ShandaDecrypt() => Shanda.Decrypt(_data);

    [Benchmark]
    public MapleIv IvShuffle() => _iv = _iv.Next();

    private static Aes CreateLibraryAes()
    {
        var aes = Aes.Create();
        aes.Key = [0x13, 0, 0, 0, 0x08, 0, 0, 0, 0x06, 0, 0, 0, 0xB4, 0, 0, 0, 0x1B, 0, 0, 0, 0x0F, 0, 0, 0, 0x33, 0, 0, 0, 0x52, 0, 0, 0];
        return aes;
    }
}
