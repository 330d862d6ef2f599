using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// Shanda on 64-byte AVX-512 vectors (BW, VBMI, GFNI); the same structure as <see cref="ShandaAvx2{TRotation}"/>,
/// with VPERMB/VPERMT2B for the one-byte shifts across the whole vector. Needs at least <see cref="Width"/> bytes.
/// </summary>
internal static class ShandaAvx512
{
    public const int Width = 64;
    private const int Rounds = 3;

    public static bool IsSupported => Avx512BW.IsSupported && Avx512Vbmi.IsSupported && Gfni.V512.IsSupported;

    /// <summary>64 × 0xFF then 64 × 0x00: the 64 bytes at 64 − s are "lane &lt; s".</summary>
    private static ReadOnlySpan<byte> LowLanes =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Encrypt(Span<byte> data)
    {
        var n = data.Length;
        ref var p = ref MemoryMarshal.GetReference(data);
        var full = n & ~(Width - 1);
        for (var round = 0; round < Rounds; round++)
        {
            Forward(ref p, n, full, first: round == 0);
            Backward(ref p, n, full, last: round == Rounds - 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decrypt(Span<byte> data)
    {
        var n = data.Length;
        ref var p = ref MemoryMarshal.GetReference(data);
        var full = n & ~(Width - 1);
        for (var round = 0; round < Rounds; round++)
        {
            BackwardInverse(ref p, n, first: round == 0);
            ForwardInverse(ref p, n, full, last: round == Rounds - 1);
        }
    }

    /// <summary>
    /// Encrypt forward pass, ascending. Input t (first round: raw bytes, turned into rol3(p) + L here); output the
    /// backward pass's input u = rol4(0x47 − ror(a, L)) + (i + 1) where a is the running XOR of t.
    /// </summary>
    private static void Forward(ref byte p, int n, int full, bool first)
    {
        var step = Vector512.Create((byte)Width);
        var l = Vector512.Create((byte)n) - Vector512<byte>.Indices; // L = n − i
        var next = Vector512<byte>.Indices + Vector512<byte>.One;     // i + 1
        // ror(a, L) = rol(a, −L); vectors start at multiples of 64, so L mod 8 has the same lane pattern in each.
        RotationMasks(Vector512<byte>.Zero - l, out var r1, out var r2, out var r4);
        var carry = Vector512<byte>.Zero; // running XOR of everything before this vector, in every lane

        for (var b = 0; b < full; b += Width)
        {
            var t = Vector512.LoadUnsafe(ref p, (nuint)b);
            if (first)
                t = RotateLeftXor(t, 3, 0) + l;
            var a = PrefixXor(t, out var total) ^ carry;
            carry ^= total;
            ForwardOutput(a, r1, r2, r4, next).StoreUnsafe(ref p, (nuint)b);
            l -= step;
            next += step;
        }

        if (full == n)
            return;

        // The last vector, at n − 64: lanes below s were finished above.
        var start = n - Width;
        var keep = Keep(full - start);
        var v = Vector512.LoadUnsafe(ref p, (nuint)start);
        var tailL = step - Vector512<byte>.Indices; // n − (n − 64 + j)
        var tt = first ? RotateLeftXor(v, 3, 0) + tailL : v;
        var ta = PrefixXor(Vector512.AndNot(tt, keep), out _) ^ carry;
        RotationMasks(Vector512<byte>.Zero - tailL, out var t1, out var t2, out var t4);
        var u = ForwardOutput(ta, t1, t2, t4, Vector512.Create((byte)(start + 1)) + Vector512<byte>.Indices);
        Avx512BW.BlendVariable(u, v, keep).StoreUnsafe(ref p, (nuint)start);
    }

    /// <summary>
    /// Encrypt backward pass, descending. b is the running XOR of u from the end; output the next forward pass's
    /// input (b ^ 0x13) + L, or after the last round the cipher text ror3(b ^ 0x13).
    /// </summary>
    private static void Backward(ref byte p, int n, int full, bool last)
    {
        var step = Vector512.Create((byte)Width);
        var carry = Vector512<byte>.Zero;
        if (full != n)
        {
            var start = n - Width;
            var keep = Keep(full - start);
            var v = Vector512.LoadUnsafe(ref p, (nuint)start);
            var b = SuffixXor(Vector512.AndNot(v, keep), out carry);
            var result = BackwardOutput(b, step - Vector512<byte>.Indices, last);
            Avx512BW.BlendVariable(result, v, keep).StoreUnsafe(ref p, (nuint)start);
        }

        var l = Vector512.Create((byte)(n - (full - Width))) - Vector512<byte>.Indices;
        for (var s = full - Width; s >= 0; s -= Width)
        {
            var u = Vector512.LoadUnsafe(ref p, (nuint)s);
            var b = SuffixXor(u, out var total) ^ carry;
            carry ^= total;
            BackwardOutput(b, l, last).StoreUnsafe(ref p, (nuint)s);
            l += step;
        }
    }

    /// <summary>
    /// Decrypt backward inverse, ascending: g_i = 0x47 − ror4((d_i ^ d_{i+1}) − (i + 1)) with d_n = 0, where
    /// d = rol3(c) ^ 0x13 (first round: computed here from the cipher text). d_{i+1} comes from a load one byte
    /// further on, which is still unwritten.
    /// </summary>
    private static void BackwardInverse(ref byte p, int n, bool first)
    {
        var step = Vector512.Create((byte)Width);
        var next = Vector512<byte>.Indices + Vector512<byte>.One;
        var b = 0;
        for (; b < n - Width; b += Width)
        {
            var d = Vector512.LoadUnsafe(ref p, (nuint)b);
            var dn = Vector512.LoadUnsafe(ref p, (nuint)(b + 1));
            if (first)
            {
                d = RotateLeftXor(d, 3, 0x13);
                dn = RotateLeftXor(dn, 3, 0x13);
            }

            BackwardInverseOutput(d ^ dn, next).StoreUnsafe(ref p, (nuint)b);
            next += step;
        }

        // The last vector, at n − 64; its top lane's successor is d_n = 0, shifted in.
        var start = n - Width;
        var keep = Keep(b - start);
        var v = Vector512.LoadUnsafe(ref p, (nuint)start);
        var tv = first ? RotateLeftXor(v, 3, 0x13) : v;
        var g = BackwardInverseOutput(tv ^ ShiftDownOne(tv), Vector512.Create((byte)(start + 1)) + Vector512<byte>.Indices);
        Avx512BW.BlendVariable(g, v, keep).StoreUnsafe(ref p, (nuint)start);
    }

    /// <summary>
    /// Decrypt forward inverse, ascending: e = rol(g, L); z_i = (e_i ^ e_{i−1}) − L with e_{−1} = 0; output
    /// z ^ 0x13 (the next round's d) or after the last round the plain text ror3(z). e_{i−1} is carried in a
    /// register from the previous vector.
    /// </summary>
    private static void ForwardInverse(ref byte p, int n, int full, bool last)
    {
        var step = Vector512.Create((byte)Width);
        var l = Vector512.Create((byte)n) - Vector512<byte>.Indices;
        RotationMasks(l, out var r1, out var r2, out var r4);
        var previous = Vector512<byte>.Zero;
        for (var b = 0; b < full; b += Width)
        {
            var e = RotateLeftVariable(Vector512.LoadUnsafe(ref p, (nuint)b), r1, r2, r4);
            ForwardInverseOutput((e ^ ShiftUpOne(previous, e)) - l, last).StoreUnsafe(ref p, (nuint)b);
            previous = e;
            l -= step;
        }

        if (full == n)
            return;

        // The last vector, at n − 64 (so full ≥ 64 and lane s ≥ 1 is the first unfinished one). Its lanes below s
        // hold finished bytes, so lane s's predecessor e_{full−1} is taken from the previous vector instead.
        var start = n - Width;
        var keep = Keep(full - start);
        var v = Vector512.LoadUnsafe(ref p, (nuint)start);
        var tailL = step - Vector512<byte>.Indices;
        RotationMasks(tailL, out var t1, out var t2, out var t4);
        var te = RotateLeftVariable(v, t1, t2, t4);
        var lastE = Avx512Vbmi.PermuteVar64x8(previous, Vector512.Create((byte)(Width - 1)));
        var before = ShiftUpOne(Vector512<byte>.Zero, Avx512BW.BlendVariable(te, lastE, keep));
        var result = ForwardInverseOutput((te ^ before) - tailL, last);
        Avx512BW.BlendVariable(result, v, keep).StoreUnsafe(ref p, (nuint)start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> ForwardOutput(Vector512<byte> a, Vector512<byte> r1, Vector512<byte> r2, Vector512<byte> r4, Vector512<byte> next) =>
        RotateLeftXor(Vector512.Create((byte)0x47) - RotateLeftVariable(a, r1, r2, r4), 4, 0) + next;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> BackwardOutput(Vector512<byte> b, Vector512<byte> l, bool last) =>
        last ? RotateLeftXor(b, 5, 0x62) : (b ^ Vector512.Create((byte)0x13)) + l; // ror3(b ^ 0x13) = rol5(b) ^ ror3(0x13)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> BackwardInverseOutput(Vector512<byte> x, Vector512<byte> next) =>
        Vector512.Create((byte)0x47) - RotateLeftXor(x - next, 4, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> ForwardInverseOutput(Vector512<byte> z, bool last) =>
        last ? RotateLeftXor(z, 5, 0) : z ^ Vector512.Create((byte)0x13);

    /// <summary>
    /// Inclusive prefix XOR of the 64 bytes: log-step shifts inside each 128-bit lane, then each lane is XORed with
    /// the totals of the lanes below it (VALIGNQ lane shifts with zeros).
    /// <paramref name="total"/> is the XOR of all 64 bytes, in every lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> PrefixXor(Vector512<byte> x, out Vector512<byte> total)
    {
        x ^= Avx512BW.ShiftLeftLogical128BitLane(x, 1);
        x ^= Avx512BW.ShiftLeftLogical128BitLane(x, 2);
        x ^= Avx512BW.ShiftLeftLogical128BitLane(x, 4);
        x ^= Avx512BW.ShiftLeftLogical128BitLane(x, 8);
        var ends = Avx512BW.Shuffle(x, Vector512.Create((byte)15)).AsUInt64(); // each lane's own total
        var zero = Vector512<ulong>.Zero;
        // Lane k ← totals of lanes k − 1, k − 2 and k − 3 (zero below lane 0): ends moved up by 1, 2 and 3 lanes.
        x ^= (Avx512F.AlignRight64(ends, zero, 6) ^ Avx512F.AlignRight64(ends, zero, 4) ^ Avx512F.AlignRight64(ends, zero, 2)).AsByte();
        total = Avx512Vbmi.PermuteVar64x8(x, Vector512.Create((byte)(Width - 1)));
        return x;
    }

    /// <summary>Inclusive suffix XOR, the mirror image of <see cref="PrefixXor"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> SuffixXor(Vector512<byte> x, out Vector512<byte> total)
    {
        x ^= Avx512BW.ShiftRightLogical128BitLane(x, 1);
        x ^= Avx512BW.ShiftRightLogical128BitLane(x, 2);
        x ^= Avx512BW.ShiftRightLogical128BitLane(x, 4);
        x ^= Avx512BW.ShiftRightLogical128BitLane(x, 8);
        var starts = Avx512BW.Shuffle(x, Vector512<byte>.Zero).AsUInt64();
        var zero = Vector512<ulong>.Zero;
        x ^= (Avx512F.AlignRight64(zero, starts, 2) ^ Avx512F.AlignRight64(zero, starts, 4) ^ Avx512F.AlignRight64(zero, starts, 6)).AsByte();
        total = Avx512Vbmi.PermuteVar64x8(x, Vector512<byte>.Zero);
        return x;
    }

    /// <summary>Lane j ← x[j + 1]; the top lane gets 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> ShiftDownOne(Vector512<byte> x) =>
        Avx512Vbmi.PermuteVar64x8x2(x, Vector512<byte>.Indices + Vector512<byte>.One, Vector512<byte>.Zero);

    /// <summary>Lane j ← current[j − 1]; lane 0 gets previous[63].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> ShiftUpOne(Vector512<byte> previous, Vector512<byte> current) =>
        Avx512Vbmi.PermuteVar64x8x2(current, (Vector512<byte>.Indices - Vector512<byte>.One) & Vector512.Create((byte)127), previous);

    /// <summary>rol(x, count) ^ constant per byte: one GF2P8AFFINEQB (see <see cref="ShandaGfniRotation"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> RotateLeftXor(Vector512<byte> x, [ConstantExpected(Min = 1, Max = 7)] int count, [ConstantExpected] byte constant) =>
        Gfni.V512.GaloisFieldAffineTransform(x, Vector512.Create(ShandaGfniRotation.Matrix(count)).AsByte(), constant);

    /// <summary>
    /// rol(x, k) with a per-lane k in 0..7 as three conditional constant rotations (by 1, 2 and 4), selected by the
    /// masks from <see cref="RotationMasks"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> RotateLeftVariable(Vector512<byte> x, Vector512<byte> r1, Vector512<byte> r2, Vector512<byte> r4)
    {
        x = Avx512BW.BlendVariable(x, RotateLeftXor(x, 1, 0), r1);
        x = Avx512BW.BlendVariable(x, RotateLeftXor(x, 2, 0), r2);
        return Avx512BW.BlendVariable(x, RotateLeftXor(x, 4, 0), r4);
    }

    /// <summary>Full-lane masks of bits 0, 1 and 2 of each byte of <paramref name="k"/>.</summary>
    private static void RotationMasks(Vector512<byte> k, out Vector512<byte> r1, out Vector512<byte> r2, out Vector512<byte> r4)
    {
        r1 = Vector512.Equals(k & Vector512.Create((byte)1), Vector512.Create((byte)1));
        r2 = Vector512.Equals(k & Vector512.Create((byte)2), Vector512.Create((byte)2));
        r4 = Vector512.Equals(k & Vector512.Create((byte)4), Vector512.Create((byte)4));
    }

    /// <summary>Mask of lanes below <paramref name="finished"/> (0..64): the ones an overlapping last vector keeps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<byte> Keep(int finished) =>
        Vector512.LoadUnsafe(ref MemoryMarshal.GetReference(LowLanes), (nuint)(Width - finished));
}
