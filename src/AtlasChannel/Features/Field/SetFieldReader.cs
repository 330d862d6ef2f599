using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Field;

/// <summary>A decoded SetField: <see cref="Character"/> for the character-data form, <see cref="Warp"/> for the warp form.</summary>
public sealed record DecodedSetField(ushort Opcode, int ChannelId, DamageSeeds? Seeds, DecodedCharacterData? Character, WarpTarget? Warp, long ServerTime);

/// <summary>Decodes a SetField body (opcode included), both forms, as the client reads it.</summary>
public static class SetFieldReader
{
    public static DecodedSetField Read(ReadOnlySpan<byte> body, ClientVersion version)
    {
        var layout = FieldLayout.For(version);
        var reader = new PacketReader(body, PacketEncoding.For(version));
        var opcode = reader.ReadOpcode(version.OpcodeWidth);
        if (layout.HasClientOptionHeader)
            reader.Skip(reader.ReadInt16() * 8);
        var channelId = reader.ReadInt32();
        if (layout.HasOldDriverId)
            reader.Skip(4);
        if (layout.IsJapan)
            reader.Skip(5);
        reader.ReadByte(); // notifier message
        var hasCharacterData = reader.ReadBool();
        var notices = reader.ReadInt16();
        if (notices != 0)
        {
            reader.ReadString();
            for (var i = 0; i < notices; i++)
                reader.ReadString();
        }

        if (hasCharacterData)
        {
            var seeds = new DamageSeeds(reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
            var character = CharacterDataReader.Read(ref reader, version);
            if (layout.HasLogoutGift)
                reader.Skip(16);
            return new DecodedSetField(opcode, channelId, seeds, character, null, reader.ReadFileTime());
        }

        var revive = reader.ReadBool();
        var mapId = reader.ReadInt32();
        var portal = reader.ReadByte();
        int hp = layout.WarpHpIsInt32 ? reader.ReadInt32() : reader.ReadInt16();
        (int X, int Y)? chase = null;
        if (layout.WarpHasChase && reader.ReadBool())
            chase = (reader.ReadInt32(), reader.ReadInt32());
        return new DecodedSetField(opcode, channelId, null, null, new WarpTarget(mapId, portal, hp, revive, chase), reader.ReadFileTime());
    }
}
