using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AtlasChannel.Benchmarks.Protocol;

/// <summary>
/// The previous straightforward byte-at-a-time Shanda (spec §7), kept verbatim as the benchmark baseline so the
/// production <see cref="AtlasChannel.Protocol.Crypto.Shanda"/> is reported as a ratio against it in the same run.
/// </summary>
internal static class ShandaScalarBaseline
{
    private const int Rounds = 3;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Encrypt(Span<byte> data)
    {
        var n = data.Length;
        ref var p = ref MemoryMarshal.GetReference(data);
        for (var round = 0; round < Rounds; round++)
        {
            uint a = 0;
            for (var i = 0; i < n; i++)
            {
                var l = (uint)(n - i);
                uint c = Unsafe.Add(ref p, i);
                c = Rol(c, 3);
                c = (c + l) & 0xFF;
                c ^= a;
                a = c;
                c = Ror(a, (int)l);
                c ^= 0xFF;
                Unsafe.Add(ref p, i) = (byte)(c + 0x48);
            }

            a = 0;
            for (var i = n - 1; i >= 0; i--)
            {
                var l = (uint)(i + 1);
                uint c = Unsafe.Add(ref p, i);
                c = Rol(c, 4);
                c = (c + l) & 0xFF;
                c ^= a;
                a = c;
                c ^= 0x13;
                Unsafe.Add(ref p, i) = (byte)Ror(c, 3);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decrypt(Span<byte> data)
    {
        var n = data.Length;
        ref var p = ref MemoryMarshal.GetReference(data);
        for (var round = 0; round < Rounds; round++)
        {
            uint b = 0;
            for (var i = n - 1; i >= 0; i--)
            {
                var l = (uint)(i + 1);
                uint c = Unsafe.Add(ref p, i);
                c = Rol(c, 3);
                c ^= 0x13;
                var d = c;
                c ^= b;
                c = (c - l) & 0xFF;
                Unsafe.Add(ref p, i) = (byte)Ror(c, 4);
                b = d;
            }

            b = 0;
            for (var i = 0; i < n; i++)
            {
                var l = (uint)(n - i);
                uint c = Unsafe.Add(ref p, i);
                c = (c - 0x48) & 0xFF;
                c ^= 0xFF;
                c = Rol(c, (int)l);
                var d = c;
                c ^= b;
                c = (c - l) & 0xFF;
                Unsafe.Add(ref p, i) = (byte)Ror(c, 3);
                b = d;
            }
        }
    }

    /// <summary>8-bit rotate of a value in 0..255; only <paramref name="count"/> mod 8 matters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Rol(uint value, int count)
    {
        count &= 7;
        return ((value << count) | (value >> (8 - count))) & 0xFF;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Ror(uint value, int count)
    {
        count &= 7;
        return ((value >> count) | (value << (8 - count))) & 0xFF;
    }
}
