using System.Runtime.CompilerServices;

namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// The "Shanda" byte-mixing cipher GMS clients run inside AES (spec/protocol/handshake-and-crypto.md §7): three
/// rounds of a forward and a backward pass. Length-preserving, keyless. The counter L is the distance to the far end
/// of the pass; its low byte is added and its low three bits are a rotation.
/// </summary>
/// <remarks>
/// <para>
/// Why it vectorises. In the encrypt forward pass the only state carried from byte to byte is a, and
/// a_i = t_i ^ a_{i−1} with t_i = rol3(p_i) + L_i computed from byte i alone, so a is the prefix XOR of t (XOR is
/// associative, the chain starts at 0). Everything after "a = c" (ror by L, ^ 0xFF, + 0x48) is again per byte. The
/// backward pass is the mirror image: a suffix XOR of rol4(p_i) + (i + 1). A vector of t is prefix-XORed with
/// log-step lane shifts and then XORed with the running total of the vectors before it.
/// </para>
/// <para>
/// Decrypt has no chain: in the backward inverse d_i = rol3(c_i) ^ 0x13 depends on byte i alone and the output is
/// ror4((d_i ^ d_{i+1}) − L), so each byte needs only its neighbour's d; the forward inverse likewise needs
/// e_{i−1} = rol(c_{i−1} − 0x48 ^ 0xFF, L_{i−1}).
/// </para>
/// <para>
/// Fusing the per-byte maps. Between passes the body is held in the form the next pass wants: (x ^ 0xFF) + 0x48 is
/// 0x47 − x mod 256; a backward pass's closing ror3 cancels the next forward pass's opening rol3, so the encrypt
/// backward pass stores (b ^ 0x13) + L, and the decrypt forward inverse stores z ^ 0x13 for the next round. Only
/// the ror by L mod 8 varies per byte; as every vector starts at a multiple of 8 its lane pattern is fixed, and it is
/// done as three conditional rotations by 1, 2 and 4.
/// </para>
/// </remarks>
public static class Shanda
{
    /// <summary>The fastest path this CPU supports; a static readonly the JIT folds into the dispatch.</summary>
    private static readonly ShandaPath Best = Fastest();

    /// <summary>
    /// From these lengths a body shorter than one vector still goes through one masked vector; below them the table
    /// loop is cheaper (ShandaBenchmarks: the one-vector form costs about the same at every length, ~85 ns to encrypt
    /// and ~55 ns to decrypt here, against a scalar cost that grows by ~4.5 ns per byte).
    /// </summary>
    internal const int EncryptShortMinimum = 20;

    /// <inheritdoc cref="EncryptShortMinimum"/>
    internal const int DecryptShortMinimum = 8;

    public static void Encrypt(Span<byte> data) => Encrypt(data, Best);

    public static void Decrypt(Span<byte> data) => Decrypt(data, Best);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Encrypt(Span<byte> data, ShandaPath path)
    {
        if (path == ShandaPath.Avx512 && data.Length >= ShandaAvx512.Width)
            ShandaAvx512.Encrypt(data);
        else if ((path is ShandaPath.Avx2Gfni or ShandaPath.Avx512) && data.Length >= ShandaAvx2<ShandaGfniRotation>.Width)
            ShandaAvx2<ShandaGfniRotation>.Encrypt(data);
        else if (path == ShandaPath.Avx2 && data.Length >= ShandaAvx2<ShandaShiftRotation>.Width)
            ShandaAvx2<ShandaShiftRotation>.Encrypt(data);
        else if ((path is ShandaPath.Avx2Gfni or ShandaPath.Avx512) && data.Length >= EncryptShortMinimum)
            ShandaAvx2<ShandaGfniRotation>.EncryptShort(data);
        else if (path == ShandaPath.Avx2 && data.Length >= EncryptShortMinimum)
            ShandaAvx2<ShandaShiftRotation>.EncryptShort(data);
        else
            ShandaScalar.Encrypt(data);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Decrypt(Span<byte> data, ShandaPath path)
    {
        if (path == ShandaPath.Avx512 && data.Length >= ShandaAvx512.Width)
            ShandaAvx512.Decrypt(data);
        else if ((path is ShandaPath.Avx2Gfni or ShandaPath.Avx512) && data.Length >= ShandaAvx2<ShandaGfniRotation>.Width)
            ShandaAvx2<ShandaGfniRotation>.Decrypt(data);
        else if (path == ShandaPath.Avx2 && data.Length >= ShandaAvx2<ShandaShiftRotation>.Width)
            ShandaAvx2<ShandaShiftRotation>.Decrypt(data);
        else if ((path is ShandaPath.Avx2Gfni or ShandaPath.Avx512) && data.Length >= DecryptShortMinimum)
            ShandaAvx2<ShandaGfniRotation>.DecryptShort(data);
        else if (path == ShandaPath.Avx2 && data.Length >= DecryptShortMinimum)
            ShandaAvx2<ShandaShiftRotation>.DecryptShort(data);
        else
            ShandaScalar.Decrypt(data);
    }

    internal static bool IsSupported(ShandaPath path) => path switch
    {
        ShandaPath.Scalar => true,
        ShandaPath.Avx2 => ShandaAvx2<ShandaShiftRotation>.IsSupported,
        ShandaPath.Avx2Gfni => ShandaAvx2<ShandaGfniRotation>.IsSupported,
        ShandaPath.Avx512 => ShandaAvx512.IsSupported && ShandaAvx2<ShandaGfniRotation>.IsSupported,
        _ => false,
    };

    private static ShandaPath Fastest()
    {
        foreach (var path in (ShandaPath[])[ShandaPath.Avx512, ShandaPath.Avx2Gfni, ShandaPath.Avx2])
        {
            if (IsSupported(path))
                return path;
        }

        return ShandaPath.Scalar;
    }
}

/// <summary>Implementations of <see cref="Shanda"/>; internal so tests and benchmarks can pin one.</summary>
internal enum ShandaPath
{
    Scalar,
    Avx2,
    Avx2Gfni,

    /// <summary>64-byte vectors from 64 bytes on, <see cref="Avx2Gfni"/> from 32, scalar below.</summary>
    Avx512,
}
