using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using X86Aes = System.Runtime.Intrinsics.X86.Aes;

namespace AtlasChannel.Protocol.Crypto;

/// <summary>
/// Encrypts 16-byte blocks under the fixed Maple AES-256 key: with AES-NI when the CPU has it (the OFB
/// keystream is one serial chain of block encryptions, so per-call overhead dominates any library call),
/// otherwise through <see cref="System.Security.Cryptography.Aes"/> in ECB mode.
/// </summary>
internal static class AesBlockEncryptor
{
    private static readonly Vector128<byte>[] HardwareRoundKeys = BuildHardwareRoundKeys();

    [ThreadStatic]
    private static Aes? t_portable;

    public static bool IsHardwareAccelerated => X86Aes.IsSupported;

    /// <summary>Writes <paramref name="count"/> OFB keystream blocks, starting from <paramref name="startBlock"/>, into <paramref name="keystream"/>.</summary>
    public static void WriteKeystream(Vector128<byte> startBlock, Span<byte> keystream, int count)
    {
        if (X86Aes.IsSupported)
            WriteKeystreamHardware(startBlock, keystream, count);
        else
            WriteKeystreamPortable(startBlock, keystream, count);
    }

    /// <summary>The portable path, exposed so tests can check both paths agree.</summary>
    internal static void WriteKeystreamPortable(Vector128<byte> startBlock, Span<byte> keystream, int count)
    {
        var aes = t_portable ??= CreatePortable();
        Span<byte> block = stackalloc byte[16];
        startBlock.CopyTo(block);
        for (var i = 0; i < count; i++)
        {
            var output = keystream.Slice(i * 16, 16);
            aes.EncryptEcb(block, output, PaddingMode.None);
            output.CopyTo(block);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WriteKeystreamHardware(Vector128<byte> block, Span<byte> keystream, int count)
    {
        var keys = HardwareRoundKeys;
        var k0 = keys[0];
        var k1 = keys[1];
        var k2 = keys[2];
        var k3 = keys[3];
        var k4 = keys[4];
        var k5 = keys[5];
        var k6 = keys[6];
        var k7 = keys[7];
        var k8 = keys[8];
        var k9 = keys[9];
        var k10 = keys[10];
        var k11 = keys[11];
        var k12 = keys[12];
        var k13 = keys[13];
        var k14 = keys[14];
        ref var destination = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(keystream);
        if (keystream.Length < count * 16)
            throw new ArgumentException("keystream buffer too small", nameof(keystream));
        for (var i = 0; i < count; i++)
        {
            var state = block ^ k0;
            state = X86Aes.Encrypt(state, k1);
            state = X86Aes.Encrypt(state, k2);
            state = X86Aes.Encrypt(state, k3);
            state = X86Aes.Encrypt(state, k4);
            state = X86Aes.Encrypt(state, k5);
            state = X86Aes.Encrypt(state, k6);
            state = X86Aes.Encrypt(state, k7);
            state = X86Aes.Encrypt(state, k8);
            state = X86Aes.Encrypt(state, k9);
            state = X86Aes.Encrypt(state, k10);
            state = X86Aes.Encrypt(state, k11);
            state = X86Aes.Encrypt(state, k12);
            state = X86Aes.Encrypt(state, k13);
            block = X86Aes.EncryptLast(state, k14);
            block.StoreUnsafe(ref destination, (nuint)(i * 16));
        }
    }

    private static Vector128<byte>[] BuildHardwareRoundKeys()
    {
        var schedule = Aes256RoundKeys.Expand(MapleAesKey.Bytes);
        var keys = new Vector128<byte>[Aes256RoundKeys.Rounds + 1];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = Vector128.Create(schedule, i * 16);
        return keys;
    }

    private static Aes CreatePortable()
    {
        var aes = Aes.Create();
        aes.Key = MapleAesKey.Bytes.ToArray();
        return aes;
    }
}
