using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// AES-256-OFB as the client uses it: the body is cut into chunks (1456 bytes, then 1460 each) and every chunk
/// restarts the keystream from the same expanded IV. Encrypting and decrypting are the same operation.
/// </summary>
public static class MapleAes
{
    public const int FirstChunkLength = 1456;
    public const int ChunkLength = 1460;

    // 1460 rounded up to whole blocks: every chunk XORs a prefix of this one keystream.
    private const int KeystreamBlocks = (ChunkLength + 15) / 16;

    public static bool IsHardwareAccelerated => AesBlockEncryptor.IsHardwareAccelerated;

    /// <summary>Applies the OFB keystream of <paramref name="iv"/> to <paramref name="data"/> in place.</summary>
    [SkipLocalsInit]
    public static void Transform(Span<byte> data, MapleIv iv, IvExpansion expansion)
    {
        if (data.IsEmpty)
            return;

        var keystreamLength = Math.Min(data.Length, ChunkLength);
        var blocks = (keystreamLength + 15) / 16;
        Span<byte> keystream = stackalloc byte[KeystreamBlocks * 16];
        AesBlockEncryptor.WriteKeystream(Expand(iv, expansion), keystream, blocks);

        var first = Math.Min(data.Length, FirstChunkLength);
        Xor(data[..first], keystream);
        for (var position = first; position < data.Length; position += ChunkLength)
        {
            var end = Math.Min(position + ChunkLength, data.Length);
            Xor(data[position..end], keystream);
        }
    }

    public static Vector128<byte> Expand(MapleIv iv, IvExpansion expansion) =>
        expansion == IvExpansion.FillWithFirstByte
            ? Vector128.Create(iv.Byte0)
            : Vector128.Create(iv.Value).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Xor(Span<byte> data, ReadOnlySpan<byte> keystream)
    {
        ref var target = ref MemoryMarshal.GetReference(data);
        ref var key = ref MemoryMarshal.GetReference(keystream);
        var length = data.Length;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + 32 <= length; i += 32)
            {
                var value = Vector256.LoadUnsafe(ref target, (nuint)i) ^ Vector256.LoadUnsafe(ref key, (nuint)i);
                value.StoreUnsafe(ref target, (nuint)i);
            }
        }

        for (; i + 16 <= length; i += 16)
        {
            var value = Vector128.LoadUnsafe(ref target, (nuint)i) ^ Vector128.LoadUnsafe(ref key, (nuint)i);
            value.StoreUnsafe(ref target, (nuint)i);
        }

        for (; i < length; i++)
            Unsafe.Add(ref target, i) ^= Unsafe.Add(ref key, i);
    }
}
