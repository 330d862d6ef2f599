using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// Shanda on 32-byte AVX2 vectors (see <see cref="Shanda"/> for the algebra). Needs at least <see cref="Width"/>
/// bytes: a body that is not a multiple of 32 finishes with one vector overlapping the previous one, whose
/// already-finished lanes are masked out of the computation and blended back unchanged.
/// </summary>
internal static class ShandaAvx2<TRotation>
    where TRotation : struct, IShandaRotation
{
    public const int Width = 32;
    private const int Rounds = 3;

    public static bool IsSupported => Avx2.IsSupported && TRotation.IsSupported;

    /// <summary>32 × 0xFF then 32 × 0x00: the 32 bytes at 32 − s are "lane &lt; s".</summary>
    private static ReadOnlySpan<byte> LowLanes =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
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
    /// A body of 1..31 bytes in one vector (the one-fragment movements and small status packets that dominate fan-out
    /// are this short). The bytes are copied into a zeroed 32-byte buffer; lanes at and above n are masked to zero
    /// wherever a pass reads towards lower lanes (the encrypt backward suffix XOR, the decrypt d_{i+1}), so they
    /// never reach the real bytes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void EncryptShort(Span<byte> data)
    {
        Span<byte> buffer = stackalloc byte[Width];
        var v = LoadPadded(data, buffer, out var inside, out var l);
        var next = Vector256<byte>.Indices + Vector256<byte>.One;
        RotationMasks(Vector256<byte>.Zero - l, out var r1, out var r2, out var r4);
        for (var round = 0; round < Rounds; round++)
        {
            var t = round == 0 ? TRotation.RotateLeftXor(v, 3, 0) + l : v;
            var u = ForwardOutput(PrefixXor(t & inside, out _), r1, r2, r4, next) & inside;
            v = BackwardOutput(SuffixXor(u, out _), l, last: round == Rounds - 1);
        }

        StoreTruncated(v, buffer, data);
    }

    /// <inheritdoc cref="EncryptShort"/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DecryptShort(Span<byte> data)
    {
        Span<byte> buffer = stackalloc byte[Width];
        var v = LoadPadded(data, buffer, out var inside, out var l);
        var next = Vector256<byte>.Indices + Vector256<byte>.One;
        RotationMasks(l, out var r1, out var r2, out var r4);
        for (var round = 0; round < Rounds; round++)
        {
            var d = (round == 0 ? TRotation.RotateLeftXor(v, 3, 0x13) : v) & inside; // d_n = 0
            var g = BackwardInverseOutput(d ^ ShiftDownOne(d), next);
            var e = RotateLeftVariable(g, r1, r2, r4);
            v = ForwardInverseOutput((e ^ ShiftUpOne(Vector256<byte>.Zero, e)) - l, last: round == Rounds - 1);
        }

        StoreTruncated(v, buffer, data);
    }

    /// <summary>
    /// The 1..31 bytes of <paramref name="data"/> as lanes 0..n−1 of a vector (the rest zero, via the 32-byte
    /// <paramref name="buffer"/>), with the mask of those lanes and L = n − i per lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> LoadPadded(ReadOnlySpan<byte> data, Span<byte> buffer, out Vector256<byte> inside, out Vector256<byte> l)
    {
        var n = Vector256.Create((byte)data.Length);
        buffer.Clear();
        data.CopyTo(buffer);
        inside = Vector256.LessThan(Vector256<byte>.Indices, n);
        l = n - Vector256<byte>.Indices;
        return Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(buffer));
    }

    /// <summary>Writes back the lanes of <paramref name="v"/> that <paramref name="data"/> has room for.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreTruncated(Vector256<byte> v, Span<byte> buffer, Span<byte> data)
    {
        v.StoreUnsafe(ref MemoryMarshal.GetReference(buffer));
        buffer[..data.Length].CopyTo(data);
    }

    /// <summary>
    /// Encrypt forward pass, ascending. Input t (first round: raw bytes, turned into rol3(p) + L here); output the
    /// backward pass's input u = rol4(0x47 − ror(a, L)) + (i + 1) where a is the running XOR of t.
    /// </summary>
    private static void Forward(ref byte p, int n, int full, bool first)
    {
        var step = Vector256.Create((byte)Width);
        var l = Vector256.Create((byte)n) - Vector256<byte>.Indices; // L = n − i
        var next = Vector256<byte>.Indices + Vector256<byte>.One;     // i + 1
        // ror(a, L) = rol(a, −L); vectors start at multiples of 32, so L mod 8 has the same lane pattern in each.
        RotationMasks(Vector256<byte>.Zero - l, out var r1, out var r2, out var r4);
        var carry = Vector256<byte>.Zero; // running XOR of everything before this vector, in every lane

        for (var b = 0; b < full; b += Width)
        {
            var t = Vector256.LoadUnsafe(ref p, (nuint)b);
            if (first)
                t = TRotation.RotateLeftXor(t, 3, 0) + l;
            var a = PrefixXor(t, out var total) ^ carry;
            carry ^= total;
            ForwardOutput(a, r1, r2, r4, next).StoreUnsafe(ref p, (nuint)b);
            l -= step;
            next += step;
        }

        if (full == n)
            return;

        // The last vector, at n − 32: lanes below s were finished above.
        var start = n - Width;
        var keep = Keep(full - start);
        var v = Vector256.LoadUnsafe(ref p, (nuint)start);
        var tailL = step - Vector256<byte>.Indices; // n − (n − 32 + j)
        var tt = first ? TRotation.RotateLeftXor(v, 3, 0) + tailL : v;
        var ta = PrefixXor(Vector256.AndNot(tt, keep), out _) ^ carry;
        RotationMasks(Vector256<byte>.Zero - tailL, out var t1, out var t2, out var t4);
        var u = ForwardOutput(ta, t1, t2, t4, Vector256.Create((byte)(start + 1)) + Vector256<byte>.Indices);
        Avx2.BlendVariable(u, v, keep).StoreUnsafe(ref p, (nuint)start);
    }

    /// <summary>
    /// Encrypt backward pass, descending. b is the running XOR of u from the end; output the next forward pass's
    /// input (b ^ 0x13) + L, or after the last round the cipher text ror3(b ^ 0x13).
    /// </summary>
    private static void Backward(ref byte p, int n, int full, bool last)
    {
        var step = Vector256.Create((byte)Width);
        var carry = Vector256<byte>.Zero;
        if (full != n)
        {
            var start = n - Width;
            var keep = Keep(full - start);
            var v = Vector256.LoadUnsafe(ref p, (nuint)start);
            var b = SuffixXor(Vector256.AndNot(v, keep), out carry);
            var result = BackwardOutput(b, step - Vector256<byte>.Indices, last);
            Avx2.BlendVariable(result, v, keep).StoreUnsafe(ref p, (nuint)start);
        }

        var l = Vector256.Create((byte)(n - (full - Width))) - Vector256<byte>.Indices;
        for (var s = full - Width; s >= 0; s -= Width)
        {
            var u = Vector256.LoadUnsafe(ref p, (nuint)s);
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
        var step = Vector256.Create((byte)Width);
        var next = Vector256<byte>.Indices + Vector256<byte>.One;
        var b = 0;
        for (; b < n - Width; b += Width)
        {
            var d = Vector256.LoadUnsafe(ref p, (nuint)b);
            var dn = Vector256.LoadUnsafe(ref p, (nuint)(b + 1));
            if (first)
            {
                d = TRotation.RotateLeftXor(d, 3, 0x13);
                dn = TRotation.RotateLeftXor(dn, 3, 0x13);
            }

            BackwardInverseOutput(d ^ dn, next).StoreUnsafe(ref p, (nuint)b);
            next += step;
        }

        // The last vector, at n − 32; its top lane's successor is d_n = 0, shifted in.
        var start = n - Width;
        var keep = Keep(b - start);
        var v = Vector256.LoadUnsafe(ref p, (nuint)start);
        var tv = first ? TRotation.RotateLeftXor(v, 3, 0x13) : v;
        var g = BackwardInverseOutput(tv ^ ShiftDownOne(tv), Vector256.Create((byte)(start + 1)) + Vector256<byte>.Indices);
        Avx2.BlendVariable(g, v, keep).StoreUnsafe(ref p, (nuint)start);
    }

    /// <summary>
    /// Decrypt forward inverse, ascending: e = rol(g, L); z_i = (e_i ^ e_{i−1}) − L with e_{−1} = 0; output
    /// z ^ 0x13 (the next round's d) or after the last round the plain text ror3(z). e_{i−1} is carried in a
    /// register from the previous vector.
    /// </summary>
    private static void ForwardInverse(ref byte p, int n, int full, bool last)
    {
        var step = Vector256.Create((byte)Width);
        var l = Vector256.Create((byte)n) - Vector256<byte>.Indices;
        RotationMasks(l, out var r1, out var r2, out var r4);
        var previous = Vector256<byte>.Zero;
        for (var b = 0; b < full; b += Width)
        {
            var e = RotateLeftVariable(Vector256.LoadUnsafe(ref p, (nuint)b), r1, r2, r4);
            ForwardInverseOutput((e ^ ShiftUpOne(previous, e)) - l, last).StoreUnsafe(ref p, (nuint)b);
            previous = e;
            l -= step;
        }

        if (full == n)
            return;

        // The last vector, at n − 32 (so full ≥ 32 and lane s ≥ 1 is the first unfinished one). Its lanes below s
        // hold finished bytes, so lane s's predecessor e_{full−1} is taken from the previous vector instead.
        var start = n - Width;
        var keep = Keep(full - start);
        var v = Vector256.LoadUnsafe(ref p, (nuint)start);
        var tailL = step - Vector256<byte>.Indices;
        RotationMasks(tailL, out var t1, out var t2, out var t4);
        var te = RotateLeftVariable(v, t1, t2, t4);
        var lastE = Avx2.BroadcastScalarToVector256(Sse2.ShiftRightLogical128BitLane(previous.GetUpper(), 15));
        var before = ShiftUpOne(Vector256<byte>.Zero, Avx2.BlendVariable(te, lastE, keep));
        var result = ForwardInverseOutput((te ^ before) - tailL, last);
        Avx2.BlendVariable(result, v, keep).StoreUnsafe(ref p, (nuint)start);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> ForwardOutput(Vector256<byte> a, Vector256<byte> r1, Vector256<byte> r2, Vector256<byte> r4, Vector256<byte> next) =>
        TRotation.RotateLeftXor(Vector256.Create((byte)0x47) - RotateLeftVariable(a, r1, r2, r4), 4, 0) + next;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> BackwardOutput(Vector256<byte> b, Vector256<byte> l, bool last) =>
        last ? TRotation.RotateLeftXor(b, 5, 0x62) : (b ^ Vector256.Create((byte)0x13)) + l; // ror3(b ^ 0x13) = rol5(b) ^ ror3(0x13)

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> BackwardInverseOutput(Vector256<byte> x, Vector256<byte> next) =>
        Vector256.Create((byte)0x47) - TRotation.RotateLeftXor(x - next, 4, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> ForwardInverseOutput(Vector256<byte> z, bool last) =>
        last ? TRotation.RotateLeftXor(z, 5, 0) : z ^ Vector256.Create((byte)0x13);

    /// <summary>
    /// Inclusive prefix XOR of the 32 bytes: log-step shifts inside each 128-bit lane, then the low lane's total is
    /// XORed into the high lane. <paramref name="total"/> is the XOR of all 32 bytes, in every lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> PrefixXor(Vector256<byte> x, out Vector256<byte> total)
    {
        x ^= Avx2.ShiftLeftLogical128BitLane(x, 1);
        x ^= Avx2.ShiftLeftLogical128BitLane(x, 2);
        x ^= Avx2.ShiftLeftLogical128BitLane(x, 4);
        x ^= Avx2.ShiftLeftLogical128BitLane(x, 8);
        var ends = Avx2.Shuffle(x, Vector256.Create((byte)15)); // each lane's total across that lane
        total = ends ^ Avx2.Permute2x128(ends, ends, 0x01);
        return x ^ Avx2.Permute2x128(ends, ends, 0x08); // [0, low lane's total]
    }

    /// <summary>Inclusive suffix XOR, the mirror image of <see cref="PrefixXor"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> SuffixXor(Vector256<byte> x, out Vector256<byte> total)
    {
        x ^= Avx2.ShiftRightLogical128BitLane(x, 1);
        x ^= Avx2.ShiftRightLogical128BitLane(x, 2);
        x ^= Avx2.ShiftRightLogical128BitLane(x, 4);
        x ^= Avx2.ShiftRightLogical128BitLane(x, 8);
        var starts = Avx2.Shuffle(x, Vector256<byte>.Zero);
        total = starts ^ Avx2.Permute2x128(starts, starts, 0x01);
        return x ^ Avx2.Permute2x128(starts, starts, 0x81); // [high lane's total, 0]
    }

    /// <summary>Lane j ← x[j + 1]; the top lane gets 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> ShiftDownOne(Vector256<byte> x) => Avx2.AlignRight(Avx2.Permute2x128(x, x, 0x81), x, 1);

    /// <summary>Lane j ← current[j − 1]; lane 0 gets previous[31].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> ShiftUpOne(Vector256<byte> previous, Vector256<byte> current) =>
        Avx2.AlignRight(current, Avx2.Permute2x128(previous, current, 0x21), 15);

    /// <summary>
    /// rol(x, k) with a per-lane k in 0..7 as three conditional constant rotations (by 1, 2 and 4), selected by the
    /// masks from <see cref="RotationMasks"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> RotateLeftVariable(Vector256<byte> x, Vector256<byte> r1, Vector256<byte> r2, Vector256<byte> r4)
    {
        x = Avx2.BlendVariable(x, TRotation.RotateLeftXor(x, 1, 0), r1);
        x = Avx2.BlendVariable(x, TRotation.RotateLeftXor(x, 2, 0), r2);
        return Avx2.BlendVariable(x, TRotation.RotateLeftXor(x, 4, 0), r4);
    }

    /// <summary>Full-lane masks of bits 0, 1 and 2 of each byte of <paramref name="k"/>.</summary>
    private static void RotationMasks(Vector256<byte> k, out Vector256<byte> r1, out Vector256<byte> r2, out Vector256<byte> r4)
    {
        r1 = Vector256.Equals(k & Vector256.Create((byte)1), Vector256.Create((byte)1));
        r2 = Vector256.Equals(k & Vector256.Create((byte)2), Vector256.Create((byte)2));
        r4 = Vector256.Equals(k & Vector256.Create((byte)4), Vector256.Create((byte)4));
    }

    /// <summary>Mask of lanes below <paramref name="finished"/> (0..32): the ones an overlapping last vector keeps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Keep(int finished) =>
        Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(LowLanes), (nuint)(Width - finished));
}
