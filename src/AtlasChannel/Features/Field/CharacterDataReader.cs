using AtlasChannel.Features.Characters;
using AtlasChannel.Protocol;
using AtlasChannel.Protocol.Packets;

namespace AtlasChannel.Features.Field;

/// <summary>A skill as CharacterData carries it; <see cref="MasterLevel"/> is null when the wire has no master level.</summary>
public sealed record DecodedSkill(int SkillId, int Level, DateTimeOffset? Expiration, int? MasterLevel);

public sealed record DecodedCooldown(int SkillId, short SecondsRemaining);

/// <summary>Everything a CharacterData block carries, decoded (the client's view of the character).</summary>
public sealed record DecodedCharacterData
{
    public required CharacterStats Stats { get; init; }

    public byte BuddyCapacity { get; init; }

    public string? LinkedName { get; init; }

    public int Meso { get; init; }

    public required CharacterInventory Inventory { get; init; }

    public required ValueList<DecodedSkill> Skills { get; init; }

    public required ValueList<DecodedCooldown> Cooldowns { get; init; }

    public required ValueList<StartedQuest> StartedQuests { get; init; }

    public required ValueList<CompletedQuest> CompletedQuests { get; init; }

    public required ValueList<int> TeleportRockMaps { get; init; }

    public required ValueList<int> VipTeleportRockMaps { get; init; }

    /// <summary>Null for versions without a monster book (GMS v95).</summary>
    public MonsterBook? MonsterBook { get; init; }
}

/// <summary>
/// Decodes CharacterData in the client's read order (the inverse of <see cref="CharacterDataWriter"/>, written from the
/// same tables), for tests and tools that check what a client would see. Throws <see cref="PacketReadException"/>
/// or <see cref="InvalidDataException"/> on a malformed block.
/// </summary>
public static class CharacterDataReader
{
    public static DecodedCharacterData Read(ReadOnlySpan<byte> data, ClientVersion version)
    {
        var reader = new PacketReader(data, PacketEncoding.For(version));
        return Read(ref reader, version);
    }

    public static DecodedCharacterData Read(ref PacketReader reader, ClientVersion version)
    {
        var layout = FieldLayout.For(version);
        var flag = reader.ReadInt64();
        if (flag != CharacterDataWriter.AllSections)
            throw new InvalidDataException($"dbcharFlag {flag:X}: only the all-sections form is decoded");
        var snListCount = reader.ReadByte();
        if (snListCount != 0)
            throw new InvalidDataException($"SN list of {snListCount} entries: the entry layout is not specified");
        var stats = ReadStats(ref reader, layout);
        var buddyCapacity = reader.ReadByte();
        var linkedName = reader.ReadBool() ? reader.ReadString() : null;
        var meso = reader.ReadInt32();
        if (layout.IsJapan)
            reader.Skip(12);

        var inventory = ReadInventory(ref reader, layout);
        var (skills, cooldowns) = ReadSkills(ref reader, version);

        var started = new List<StartedQuest>();
        for (int i = 0, n = reader.ReadInt16(); i < n; i++)
            started.Add(new StartedQuest(reader.ReadInt16(), reader.ReadString()));
        if (layout.IsJapan)
            reader.Skip(2);
        var completed = new List<CompletedQuest>();
        for (int i = 0, n = reader.ReadInt16(); i < n; i++)
            completed.Add(new CompletedQuest(reader.ReadInt16(), PacketTime.FromFileTime(reader.ReadFileTime())));

        reader.Skip(reader.ReadInt16() * 5 * sizeof(int)); // mini-game records
        reader.Skip(reader.ReadInt16() * 33); // crush rings: id, name(13), two serials
        reader.Skip(reader.ReadInt16() * 37); // friendship rings: as crush plus the ring item id
        reader.Skip(reader.ReadInt16() * 48); // marriage record
        var rocks = ReadInts(ref reader, CharacterDefaults.TeleportRockSlots);
        var vipRocks = ReadInts(ref reader, CharacterDefaults.VipTeleportRockSlots);
        if (layout.IsJapan)
            reader.Skip(2);

        MonsterBook? book = null;
        if (layout.HasMonsterBook)
        {
            var cover = reader.ReadInt32();
            var mode = reader.ReadByte();
            if (mode != 0)
                throw new InvalidDataException($"monster book mode {mode}: only the card-list form is decoded");
            var cards = new List<MonsterCard>();
            for (int i = 0, n = reader.ReadInt16(); i < n; i++)
                cards.Add(new MonsterCard(reader.ReadInt16(), reader.ReadByte()));
            book = new MonsterBook(cover, cards.ToValueList());
        }

        if (layout.IsJapan)
        {
            reader.Skip(2);
        }
        else
        {
            SkipNewYearCards(ref reader);
            for (int i = 0, n = reader.ReadInt16(); i < n; i++)
            {
                reader.Skip(2);
                reader.ReadString();
            }
        }

        reader.Skip(2);
        return new DecodedCharacterData
        {
            Stats = stats,
            BuddyCapacity = buddyCapacity,
            LinkedName = linkedName,
            Meso = meso,
            Inventory = inventory,
            Skills = skills,
            Cooldowns = cooldowns,
            StartedQuests = started.ToValueList(),
            CompletedQuests = completed.ToValueList(),
            TeleportRockMaps = rocks,
            VipTeleportRockMaps = vipRocks,
            MonsterBook = book,
        };
    }

    public static CharacterStats ReadStats(ref PacketReader reader, FieldLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var id = reader.ReadInt32();
        var name = reader.ReadPaddedString(CharacterStatWriter.NameLength);
        var gender = reader.ReadByte();
        var skin = reader.ReadByte();
        var face = reader.ReadInt32();
        var hair = reader.ReadInt32();
        var pets = ValueList.Of(reader.ReadInt64(), reader.ReadInt64(), reader.ReadInt64());
        var level = reader.ReadByte();
        var job = reader.ReadInt16();
        var str = reader.ReadInt16();
        var dex = reader.ReadInt16();
        var intelligence = reader.ReadInt16();
        var luk = reader.ReadInt16();
        var hp = reader.ReadInt16();
        var maxHp = reader.ReadInt16();
        var mp = reader.ReadInt16();
        var maxMp = reader.ReadInt16();
        var ap = reader.ReadInt16();
        short sp = 0;
        if (layout.HasEvanExtendedSp && FieldLayout.IsEvanJob(job))
            reader.Skip(reader.ReadByte() * 2);
        else
            sp = reader.ReadInt16();
        var stats = new CharacterStats
        {
            Id = id,
            Name = name,
            Gender = gender,
            Skin = skin,
            Face = face,
            Hair = hair,
            PetSerials = pets,
            Level = level,
            Job = job,
            Strength = str,
            Dexterity = dex,
            Intelligence = intelligence,
            Luck = luk,
            Hp = hp,
            MaxHp = maxHp,
            Mp = mp,
            MaxMp = maxMp,
            Ap = ap,
            Sp = sp,
            Experience = reader.ReadInt32(),
            Fame = reader.ReadInt16(),
            GachaponExperience = reader.ReadInt32(),
            MapId = reader.ReadInt32(),
            SpawnPoint = reader.ReadByte(),
        };
        if (layout.IsJapan)
            reader.Skip(2 + 8 + 12);
        else
            reader.Skip(layout.HasSubJob ? 6 : 4);
        return stats;
    }

    private static CharacterInventory ReadInventory(ref PacketReader reader, FieldLayout layout)
    {
        var capacities = new InventoryCapacities(reader.ReadByte(), reader.ReadByte(), reader.ReadByte(), reader.ReadByte(), reader.ReadByte());
        reader.ReadFileTime();
        var equipped = new List<EquipItem>();
        for (short slot; (slot = reader.ReadInt16()) != 0;)
            equipped.Add(ReadEquipBody(ref reader, layout, (short)-slot));
        for (short slot; (slot = reader.ReadInt16()) != 0;)
            equipped.Add(ReadEquipBody(ref reader, layout, (short)(-slot - 100)));
        var equips = new List<EquipItem>();
        for (short slot; (slot = reader.ReadInt16()) != 0;)
            equips.Add(ReadEquipBody(ref reader, layout, slot));
        if (reader.ReadInt16() != 0)
            throw new InvalidDataException("the extra equip loop after the equip inventory is not empty");

        return new CharacterInventory
        {
            Capacities = capacities,
            Equipped = equipped.ToValueList(),
            Equips = equips.ToValueList(),
            Use = ReadStackables(ref reader),
            Setup = ReadStackables(ref reader),
            Etc = ReadStackables(ref reader),
            Cash = ReadCashItems(ref reader),
        };
    }

    public static EquipItem ReadEquipBody(ref PacketReader reader, FieldLayout layout, short position)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ExpectKind(ref reader, ItemRecordWriter.EquipKind);
        var templateId = reader.ReadInt32();
        var isCash = reader.ReadBool();
        var serial = isCash ? reader.ReadInt64() : 0;
        var expiration = ReadOptionalTime(ref reader);
        var upgradeSlots = reader.ReadByte();
        var upgrades = reader.ReadByte();
        if (layout.IsJapan)
            reader.Skip(1);
        var item = new EquipItem
        {
            Position = position,
            TemplateId = templateId,
            IsCash = isCash,
            CashSerial = serial,
            Expiration = expiration,
            UpgradeSlots = upgradeSlots,
            UpgradesApplied = upgrades,
            Strength = reader.ReadInt16(),
            Dexterity = reader.ReadInt16(),
            Intelligence = reader.ReadInt16(),
            Luck = reader.ReadInt16(),
            MaxHp = reader.ReadInt16(),
            MaxMp = reader.ReadInt16(),
            WeaponAttack = reader.ReadInt16(),
            MagicAttack = reader.ReadInt16(),
            WeaponDefense = reader.ReadInt16(),
            MagicDefense = reader.ReadInt16(),
            Accuracy = reader.ReadInt16(),
            Avoidability = reader.ReadInt16(),
            Hands = reader.ReadInt16(),
            Speed = reader.ReadInt16(),
            Jump = reader.ReadInt16(),
            Owner = reader.ReadString(),
            Flag = reader.ReadInt16(),
        };
        if (isCash)
        {
            reader.Skip(10);
        }
        else
        {
            var levelUpType = reader.ReadByte();
            var itemLevel = reader.ReadByte();
            var itemExp = reader.ReadInt32();
            if (layout.HasEquipDurability)
                reader.Skip(4);
            var hammers = reader.ReadInt32();
            if (layout.IsJapan)
                reader.Skip(1 + 10 + 4);
            reader.Skip(8);
            item = item with { LevelUpType = levelUpType, ItemLevel = itemLevel, ItemExperience = itemExp, ViciousHammers = hammers };
        }

        reader.Skip(8 + 4);
        return item;
    }

    private static ValueList<StackableItem> ReadStackables(ref PacketReader reader)
    {
        var items = new List<StackableItem>();
        for (byte slot; (slot = reader.ReadByte()) != 0;)
        {
            ExpectKind(ref reader, ItemRecordWriter.StackableKind);
            var templateId = reader.ReadInt32();
            if (reader.ReadBool())
                throw new InvalidDataException($"item {templateId} in slot {slot} is a cash item outside the cash inventory");
            var item = new StackableItem
            {
                Position = slot,
                TemplateId = templateId,
                Expiration = ReadOptionalTime(ref reader),
                Quantity = reader.ReadInt16(),
                Owner = reader.ReadString(),
                Flag = reader.ReadInt16(),
            };
            if (ItemKinds.IsRechargeable(templateId))
                item = item with { RechargeSerial = reader.ReadInt64() };
            items.Add(item);
        }

        return items.ToValueList();
    }

    private static ValueList<CashInventoryItem> ReadCashItems(ref PacketReader reader)
    {
        var items = new List<CashInventoryItem>();
        for (byte slot; (slot = reader.ReadByte()) != 0;)
        {
            var kind = reader.ReadByte();
            var templateId = reader.ReadInt32();
            reader.ReadBool();
            var serial = reader.ReadInt64();
            if (kind == ItemRecordWriter.PetKind)
            {
                reader.ReadFileTime(); // item expiration, ignored for pets
                var name = reader.ReadPaddedString(ItemRecordWriter.PetNameLength);
                var level = reader.ReadByte();
                var closeness = reader.ReadInt16();
                var fullness = reader.ReadByte();
                var deadDate = reader.ReadFileTime();
                reader.Skip(2);
                var petSkill = reader.ReadInt16();
                reader.Skip(4 + 2);
                items.Add(new PetItem
                {
                    Position = slot,
                    TemplateId = templateId,
                    PetSerial = serial,
                    Name = name,
                    Level = level,
                    Closeness = closeness,
                    Fullness = fullness,
                    DeadDate = deadDate == 0 ? null : PacketTime.FromFileTime(deadDate),
                    PetSkill = petSkill,
                });
            }
            else if (kind == ItemRecordWriter.StackableKind)
            {
                items.Add(new CashItem
                {
                    Position = slot,
                    TemplateId = templateId,
                    CashSerial = serial,
                    Expiration = ReadOptionalTime(ref reader),
                    Quantity = reader.ReadInt16(),
                    Owner = reader.ReadString(),
                    Flag = reader.ReadInt16(),
                });
            }
            else
            {
                throw new InvalidDataException($"cash slot {slot}: unexpected record kind {kind}");
            }
        }

        return items.ToValueList();
    }

    private static (ValueList<DecodedSkill>, ValueList<DecodedCooldown>) ReadSkills(ref PacketReader reader, ClientVersion version)
    {
        var skills = new List<DecodedSkill>();
        for (int i = 0, n = reader.ReadInt16(); i < n; i++)
        {
            var skillId = reader.ReadInt32();
            var level = reader.ReadInt32();
            var expiration = ReadOptionalTime(ref reader);
            int? masterLevel = SkillRules.NeedsMasterLevel(skillId, version) ? reader.ReadInt32() : null;
            skills.Add(new DecodedSkill(skillId, level, expiration, masterLevel));
        }

        var cooldowns = new List<DecodedCooldown>();
        for (int i = 0, n = reader.ReadInt16(); i < n; i++)
            cooldowns.Add(new DecodedCooldown(reader.ReadInt32(), reader.ReadInt16()));
        return (skills.ToValueList(), cooldowns.ToValueList());
    }

    private static void SkipNewYearCards(ref PacketReader reader)
    {
        for (int i = 0, n = reader.ReadInt16(); i < n; i++)
        {
            reader.Skip(8);
            reader.ReadString();
            reader.Skip(1 + 8 + 4);
            reader.ReadString();
            reader.Skip(1 + 1 + 8);
            reader.ReadString();
        }
    }

    private static ValueList<int> ReadInts(ref PacketReader reader, int count)
    {
        var values = new int[count];
        for (var i = 0; i < count; i++)
            values[i] = reader.ReadInt32();
        return values.ToValueList();
    }

    /// <summary>−1 (Atlas "unset") means none.</summary>
    private static DateTimeOffset? ReadOptionalTime(ref PacketReader reader)
    {
        var value = reader.ReadFileTime();
        return value == PacketTime.Unset ? null : PacketTime.FromFileTime(value);
    }

    private static void ExpectKind(ref PacketReader reader, byte expected)
    {
        var kind = reader.ReadByte();
        if (kind != expected)
            throw new InvalidDataException($"item record kind {kind}, expected {expected}");
    }
}
