using AtlasChannel.Protocol.Crypto;

namespace AtlasChannel.Protocol.Tests;

/// <summary>
/// Every Shanda implementation (public dispatch, table scalar, each vector path the CPU supports) equals a tiny
/// reference written straight from spec/protocol/handshake-and-crypto.md §7, for all short lengths and a few long
/// ones, in both directions.
/// </summary>
public class ShandaImplementationTests
{
    private static readonly int[] Lengths = [.. Enumerable.Range(0, 601), 1455, 1456, 1457, 1458, 1459, 1460, 1461, 4096, 65535];

    public static TheoryData<string> Implementations()
    {
        var data = new TheoryData<string> { "Shanda" };
        foreach (var path in Enum.GetValues<ShandaPath>().Where(Shanda.IsSupported))
            data.Add(path.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Encrypt_equals_reference(string implementation)
    {
        var (encrypt, _) = Resolve(implementation);
        var random = new Random(7);
        foreach (var length in Lengths)
        {
            var expected = RandomBytes(random, length);
            var actual = (byte[])expected.Clone();
            Reference.Encrypt(expected);
            encrypt(actual);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{implementation} encrypt differs at length {length}");
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Decrypt_equals_reference(string implementation)
    {
        var (_, decrypt) = Resolve(implementation);
        var random = new Random(11);
        foreach (var length in Lengths)
        {
            var expected = RandomBytes(random, length);
            var actual = (byte[])expected.Clone();
            Reference.Decrypt(expected);
            decrypt(actual);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{implementation} decrypt differs at length {length}");
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Decrypt_inverts_encrypt(string implementation)
    {
        var (encrypt, decrypt) = Resolve(implementation);
        var random = new Random(13);
        foreach (var length in Lengths)
        {
            var original = RandomBytes(random, length);
            var data = (byte[])original.Clone();
            encrypt(data);
            decrypt(data);
            Assert.True(original.AsSpan().SequenceEqual(data), $"{implementation} round trip differs at length {length}");
        }
    }

    [Fact]
    public void Works_on_a_slice_without_touching_its_neighbours()
    {
        var random = new Random(17);
        foreach (var length in new[] { 1, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000 })
        {
            var buffer = RandomBytes(random, length + 2 * 64);
            var original = (byte[])buffer.Clone();
            var expected = original.AsSpan(64, length).ToArray();
            Reference.Encrypt(expected);

            Shanda.Encrypt(buffer.AsSpan(64, length));
            Assert.True(expected.AsSpan().SequenceEqual(buffer.AsSpan(64, length)));
            Shanda.Decrypt(buffer.AsSpan(64, length));
            Assert.True(original.AsSpan().SequenceEqual(buffer), $"length {length}");
        }
    }

    [Fact]
    public void Allocates_nothing()
    {
        var data = RandomBytes(new Random(19), 1500);
        Shanda.Encrypt(data);
        Shanda.Decrypt(data);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            Shanda.Encrypt(data);
            Shanda.Decrypt(data);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private delegate void Transform(Span<byte> data);

    /// <summary>"Shanda" is the public dispatch; otherwise a <see cref="ShandaPath"/> (bodies under 32 bytes take its masked one-vector form, the shortest the scalar path).</summary>
    private static (Transform Encrypt, Transform Decrypt) Resolve(string implementation)
    {
        if (implementation == "Shanda")
            return (Shanda.Encrypt, Shanda.Decrypt);
        var path = Enum.Parse<ShandaPath>(implementation);
        return (d => Shanda.Encrypt(d, path), d => Shanda.Decrypt(d, path));
    }

    /// <summary>Spec §7 transcribed literally, one byte at a time.</summary>
    private static class Reference
    {
        private static byte Rol(int x, int n) => (byte)((x << (n & 7)) | ((x & 0xFF) >> (8 - (n & 7))));

        private static byte Ror(int x, int n) => (byte)(((x & 0xFF) >> (n & 7)) | (x << (8 - (n & 7))));

        public static void Encrypt(byte[] body)
        {
            var n = body.Length;
            for (var round = 0; round < 3; round++)
            {
                byte a = 0;
                for (var i = 0; i < n; i++)
                {
                    var l = n - i;
                    var c = body[i];
                    c = Rol(c, 3);
                    c = (byte)(c + l);
                    c ^= a;
                    a = c;
                    c = Ror(a, l);
                    c ^= 0xFF;
                    c = (byte)(c + 0x48);
                    body[i] = c;
                }

                a = 0;
                for (var i = n - 1; i >= 0; i--)
                {
                    var l = i + 1;
                    var c = body[i];
                    c = Rol(c, 4);
                    c = (byte)(c + l);
                    c ^= a;
                    a = c;
                    c ^= 0x13;
                    c = Ror(c, 3);
                    body[i] = c;
                }
            }
        }

        public static void Decrypt(byte[] body)
        {
            var n = body.Length;
            for (var round = 0; round < 3; round++)
            {
                byte b = 0;
                for (var i = n - 1; i >= 0; i--)
                {
                    var l = i + 1;
                    var c = body[i];
                    c = Rol(c, 3);
                    c ^= 0x13;
                    var d = c;
                    c ^= b;
                    c = (byte)(c - l);
                    c = Ror(c, 4);
                    b = d;
                    body[i] = c;
                }

                b = 0;
                for (var i = 0; i < n; i++)
                {
                    var l = n - i;
                    var c = body[i];
                    c = (byte)(c - 0x48);
                    c ^= 0xFF;
                    c = Rol(c, l);
                    var d = c;
                    c ^= b;
                    c = (byte)(c - l);
                    c = Ror(c, 3);
                    b = d;
                    body[i] = c;
                }
            }
        }
    }
}
