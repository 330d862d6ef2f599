using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// Portable table-driven Shanda (spec §7); used when no vector path applies and for bodies under
/// <see cref="Shanda.EncryptShortMinimum"/> / <see cref="Shanda.DecryptShortMinimum"/> bytes.
/// </summary>
/// <remarks>
/// Between passes the body is kept in the form the next pass consumes, so each pass is one table look-up, one add
/// and one XOR per byte (see <see cref="Shanda"/> for the algebra):
/// <list type="bullet">
/// <item>encrypt forward: <c>a ^= t</c>; <c>u = Forward[L mod 8][a] + (i + 1)</c> (the backward pass's input);</item>
/// <item>encrypt backward: <c>b ^= u</c>; <c>t = (b ^ 0x13) + L</c> (next forward input) or, last round, <c>ror3(b ^ 0x13)</c>;</item>
/// <item>decrypt backward inverse: <c>g = Neg47Ror4[(d_i ^ d_{i+1}) − (i + 1)]</c> (next pass's input);</item>
/// <item>decrypt forward inverse: <c>e = rol(g, L)</c>; <c>z = (e_i ^ e_{i−1}) − L</c>; store <c>z ^ 0x13</c> or, last round, <c>ror3(z)</c>.</item>
/// </list>
/// </remarks>
internal static class ShandaScalar
{
    private const int Rounds = 3;

    /// <summary>rol3(x).</summary>
    private static readonly byte[] Rol3 = Table(x => Rol(x, 3));

    /// <summary>ror3(x ^ 0x13): the encrypt backward pass's output map.</summary>
    private static readonly byte[] Ror3Xor13 = Table(x => Ror(x ^ 0x13, 3));

    /// <summary>rol3(x) ^ 0x13: the decrypt backward-inverse input map.</summary>
    private static readonly byte[] Rol3Xor13 = Table(x => Rol(x, 3) ^ 0x13);

    /// <summary>x ^ 0x13: the decrypt forward-inverse output map of the first two rounds.</summary>
    private static readonly byte[] Xor13 = Table(x => x ^ 0x13);

    /// <summary>ror3(x): the decrypt forward-inverse output map of the last round.</summary>
    private static readonly byte[] Ror3 = Table(x => Ror(x, 3));

    /// <summary>0x47 − ror4(w) = ((ror4(w) − 0x48) ^ 0xFF): backward-inverse output fused with forward-inverse input.</summary>
    private static readonly byte[] Neg47Ror4 = Table(x => 0x47 - Ror(x, 4));

    /// <summary>[k·256 + a] = rol4(0x47 − ror(a, k)) = rol4((ror(a, k) ^ 0xFF) + 0x48): forward output fused with backward input.</summary>
    private static readonly byte[] Forward = RotationTable((a, k) => Rol(0x47 - Ror(a, k), 4));

    /// <summary>[k·256 + g] = rol(g, k): the decrypt forward-inverse input rotation.</summary>
    private static readonly byte[] RolByK = RotationTable((g, k) => Rol(g, k));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Encrypt(Span<byte> data)
    {
        var n = data.Length;
        ref var p = ref MemoryMarshal.GetReference(data);
        ref var forward = ref MemoryMarshal.GetArrayDataReference(Forward);
        ref var rol3 = ref MemoryMarshal.GetArrayDataReference(Rol3);
        ref var ror3Xor13 = ref MemoryMarshal.GetArrayDataReference(Ror3Xor13);

        for (var i = 0; i < n; i++)
            Unsafe.Add(ref p, i) = (byte)(Unsafe.Add(ref rol3, Unsafe.Add(ref p, i)) + (n - i));

        for (var round = 0; round < Rounds; round++)
        {
            uint a = 0;
            for (var i = 0; i < n; i++)
            {
                a ^= Unsafe.Add(ref p, i);
                var l = (uint)(n - i);
                Unsafe.Add(ref p, i) = (byte)(Unsafe.Add(ref forward, (int)(((l & 7) << 8) | a)) + i + 1);
            }

            uint b = 0;
            if (round < Rounds - 1)
            {
                for (var i = n - 1; i >= 0; i--)
                {
                    b ^= Unsafe.Add(ref p, i);
                    Unsafe.Add(ref p, i) = (byte)((b ^ 0x13) + (uint)(n - i));
                }
            }
            else
            {
                for (var i = n - 1; i >= 0; i--)
                {
                    b ^= Unsafe.Add(ref p, i);
                    Unsafe.Add(ref p, i) = Unsafe.Add(ref ror3Xor13, b);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decrypt(Span<byte> data)
    {
        var n = data.Length;
        if (n == 0)
            return;
        ref var p = ref MemoryMarshal.GetReference(data);
        ref var neg47Ror4 = ref MemoryMarshal.GetArrayDataReference(Neg47Ror4);
        ref var rolByK = ref MemoryMarshal.GetArrayDataReference(RolByK);
        ref var rol3Xor13 = ref MemoryMarshal.GetArrayDataReference(Rol3Xor13);
        ref var ror3 = ref MemoryMarshal.GetArrayDataReference(Ror3);
        ref var xor13 = ref MemoryMarshal.GetArrayDataReference(Xor13);

        for (var i = 0; i < n; i++)
            Unsafe.Add(ref p, i) = Unsafe.Add(ref rol3Xor13, Unsafe.Add(ref p, i));

        for (var round = 0; round < Rounds; round++)
        {
            // Backward inverse, ascending: position i + 1 is still unwritten when i is written.
            uint d = p;
            for (var i = 0; i < n - 1; i++)
            {
                uint next = Unsafe.Add(ref p, i + 1);
                Unsafe.Add(ref p, i) = Unsafe.Add(ref neg47Ror4, (byte)((d ^ next) - (uint)(i + 1)));
                d = next;
            }

            Unsafe.Add(ref p, n - 1) = Unsafe.Add(ref neg47Ror4, (byte)(d - (uint)n));

            // Output z ^ 0x13 (the next round's d) or, after the last round, ror3(z).
            ref var output = ref round < Rounds - 1 ? ref xor13 : ref ror3;
            uint previous = 0;
            for (var i = 0; i < n; i++)
            {
                var l = (uint)(n - i);
                uint e = Unsafe.Add(ref rolByK, (int)(((l & 7) << 8) | Unsafe.Add(ref p, i)));
                Unsafe.Add(ref p, i) = Unsafe.Add(ref output, (byte)((e ^ previous) - l));
                previous = e;
            }
        }
    }

    private static uint Rol(uint value, int count)
    {
        value &= 0xFF;
        count &= 7;
        return ((value << count) | (value >> (8 - count))) & 0xFF;
    }

    private static uint Ror(uint value, int count) => Rol(value, 8 - (count & 7));

    private static byte[] Table(Func<uint, uint> map)
    {
        var table = new byte[256];
        for (var x = 0u; x < 256; x++)
            table[x] = (byte)map(x);
        return table;
    }

    private static byte[] RotationTable(Func<uint, int, uint> map)
    {
        var table = new byte[8 * 256];
        for (var k = 0; k < 8; k++)
            for (var x = 0u; x < 256; x++)
                table[(k << 8) | (int)x] = (byte)map(x, k);
        return table;
    }
}
