using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AtlasChannel.Protocol.Crypto;

/// <summary>Rotates every byte of a vector by the same constant; the vector Shanda paths are generic over it.</summary>
internal interface IShandaRotation
{
    static abstract bool IsSupported { get; }

    /// <summary>rol(x, count) ^ constant on every byte.</summary>
    static abstract Vector256<byte> RotateLeftXor(Vector256<byte> x, [ConstantExpected(Min = 1, Max = 7)] int count, [ConstantExpected] byte constant);
}

/// <summary>
/// GFNI: GF2P8AFFINEQB computes A·x ^ b per byte for an 8×8 bit matrix A, and a rotation is a permutation matrix,
/// so rotate-and-XOR is one instruction. The row for result bit i sits in matrix byte 7 − i; for rol c it selects
/// source bit (i − c) mod 8.
/// </summary>
internal readonly struct ShandaGfniRotation : IShandaRotation
{
    public static bool IsSupported => Gfni.V256.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> RotateLeftXor(Vector256<byte> x, [ConstantExpected(Min = 1, Max = 7)] int count, [ConstantExpected] byte constant) =>
        Gfni.V256.GaloisFieldAffineTransform(x, Vector256.Create(Matrix(count)).AsByte(), constant);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Matrix(int rotateLeft) => rotateLeft switch
    {
        1 => 0x8001020408102040,
        2 => 0x4080010204081020,
        3 => 0x2040800102040810,
        4 => 0x1020408001020408,
        5 => 0x0810204080010204,
        6 => 0x0408102040800102,
        7 => 0x0204081020408001,
        _ => 0x0102040810204080, // identity
    };
}

/// <summary>Plain AVX2: (x &lt;&lt; c) | (x &gt;&gt; (8 − c)) (byte shifts are emulated with 16-bit shifts and masks).</summary>
internal readonly struct ShandaShiftRotation : IShandaRotation
{
    public static bool IsSupported => Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> RotateLeftXor(Vector256<byte> x, [ConstantExpected(Min = 1, Max = 7)] int count, [ConstantExpected] byte constant) =>
        (Vector256.ShiftLeft(x, count) | Vector256.ShiftRightLogical(x, 8 - count)) ^ Vector256.Create(constant);
}
