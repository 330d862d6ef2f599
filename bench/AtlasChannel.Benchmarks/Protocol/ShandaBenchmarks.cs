using AtlasChannel.Protocol.Crypto;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AtlasChannel.Benchmarks.Protocol;

/// <summary>
/// Shanda alone: the production cipher (the fastest vector path the CPU allows), the 32-byte AVX2+GFNI path, the
/// portable table-driven scalar path, and <see cref="ShandaScalarBaseline"/> (the original byte-at-a-time loop) as the ratio baseline.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class ShandaBenchmarks
{
    private byte[] _data = [];

    [Params(8, 16, 30, 64, 512, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _data = new byte[Size];
        new Random(Size).NextBytes(_data);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Encrypt")]
    public void EncryptScalarBaseline() => ShandaScalarBaseline.Encrypt(_data);

    [Benchmark]
    [BenchmarkCategory("Encrypt")]
    public void EncryptTableScalar() => ShandaScalar.Encrypt(_data);

    [Benchmark]
    [BenchmarkCategory("Encrypt")]
    public void EncryptAvx2() => Shanda.Encrypt(_data, ShandaPath.Avx2Gfni);

    [Benchmark]
    [BenchmarkCategory("Encrypt")]
    public void Encrypt() => Shanda.Encrypt(_data);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Decrypt")]
    public void DecryptScalarBaseline() => ShandaScalarBaseline.Decrypt(_data);

    [Benchmark]
    [BenchmarkCategory("Decrypt")]
    public void DecryptTableScalar() => ShandaScalar.Decrypt(_data);

    [Benchmark]
    [BenchmarkCategory("Decrypt")]
    public void DecryptAvx2() => Shanda.Decrypt(_data, ShandaPath.Avx2Gfni);

    [Benchmark]
    [BenchmarkCategory("Decrypt")]
    public void Decrypt() => Shanda.Decrypt(_data);
}
