using AtlasChannel.Contracts.Rest;

namespace AtlasChannel.Features.Characters;

/// <summary>The REST reads that make up one loaded character; every part but the character may be missing (a failed decorator).</summary>
public sealed record CharacterSources(
    CharacterResource Character,
    InventoryResource? Inventory = null,
    IReadOnlyList<SkillResource>? Skills = null,
    IReadOnlyList<QuestStatusResource>? Quests = null,
    IReadOnlyList<PetResource>? Pets = null,
    byte BuddyCapacity = CharacterDefaults.BuddyCapacity);

/// <summary>Builds a <see cref="CharacterSnapshot"/> from the peer resources.</summary>
public static class CharacterSnapshotMapper
{
    public static CharacterSnapshot Map(CharacterSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var character = sources.Character.Attributes;
        var pets = (sources.Pets ?? []).OrderBy(p => p.Attributes.Slot).Select(MapPet).ToValueList();
        var (started, completed) = MapQuests(sources.Quests ?? []);

        return new CharacterSnapshot
        {
            Stats = MapStats(sources.Character, pets),
            AccountId = character.AccountId,
            WorldId = character.WorldId,
            GmLevel = character.Gm,
            X = character.X,
            Y = character.Y,
            Stance = character.Stance,
            BuddyCapacity = sources.BuddyCapacity,
            Meso = unchecked((int)character.Meso),
            Inventory = sources.Inventory is { } inventory ? MapInventory(inventory, pets) : CharacterInventory.Empty,
            Skills = (sources.Skills ?? []).Select(MapSkill).ToValueList(),
            StartedQuests = started,
            CompletedQuests = completed,
            Pets = pets,
        };
    }

    /// <summary>Go's zero time means "none"; FILETIMEs carry whole seconds only, so the snapshot does too.</summary>
    public static DateTimeOffset? ToOptionalTime(DateTimeOffset value) =>
        value == DateTimeOffset.MinValue ? null : DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    private static CharacterStats MapStats(CharacterResource resource, ValueList<CharacterPet> pets)
    {
        var c = resource.Attributes;
        var serials = new long[3];
        foreach (var pet in pets)
        {
            if (pet.Slot is >= 0 and <= 2)
                serials[pet.Slot] = pet.Serial;
        }

        return new CharacterStats
        {
            Id = unchecked((int)resource.Id),
            Name = c.Name,
            Gender = c.Gender,
            Skin = c.SkinColor,
            Face = unchecked((int)c.Face),
            Hair = unchecked((int)c.Hair),
            PetSerials = serials.ToValueList(),
            Level = c.Level,
            Job = unchecked((short)c.JobId),
            Strength = unchecked((short)c.Strength),
            Dexterity = unchecked((short)c.Dexterity),
            Intelligence = unchecked((short)c.Intelligence),
            Luck = unchecked((short)c.Luck),
            Hp = unchecked((short)c.Hp),
            MaxHp = unchecked((short)c.MaxHp),
            Mp = unchecked((short)c.Mp),
            MaxMp = unchecked((short)c.MaxMp),
            Ap = unchecked((short)c.Ap),
            Sp = c.SkillPoints is [var first, ..] ? unchecked((short)first) : (short)0,
            Experience = unchecked((int)c.Experience),
            Fame = c.Fame,
            GachaponExperience = unchecked((int)c.GachaponExperience),
            MapId = unchecked((int)c.MapId),
            // Atlas drops the spawn point and always sends 0; the real value puts the character at its saved portal.
            SpawnPoint = (byte)Math.Min(c.SpawnPoint, byte.MaxValue),
        };
    }

    /// <summary>One PETS resource as the snapshot (and the pet packets) use it.</summary>
    public static CharacterPet MapPet(PetResource resource)
    {
        var p = resource.Attributes;
        return new CharacterPet(resource.Id, PetSerial(resource.Id, unchecked((long)p.CashId)), unchecked((int)p.TemplateId), p.Name, p.Level,
            unchecked((short)p.Closeness), p.Fullness, p.Slot, p.X, p.Y, p.Stance, p.Fh);
    }

    /// <summary>The pet's cash serial, falling back to the pet id (Atlas) [C§5.7].</summary>
    private static long PetSerial(uint petId, long cashId) => cashId != 0 ? cashId : petId;

    private static CharacterSkill MapSkill(SkillResource resource) =>
        new(unchecked((int)resource.Id), resource.Attributes.Level, resource.Attributes.MasterLevel,
            ToOptionalTime(resource.Attributes.Expiration), ToOptionalTime(resource.Attributes.CooldownExpiresAt));

    private static (ValueList<StartedQuest> Started, ValueList<CompletedQuest> Completed) MapQuests(IReadOnlyList<QuestStatusResource> quests)
    {
        var started = new List<StartedQuest>();
        var completed = new List<CompletedQuest>();
        foreach (var quest in quests)
        {
            var q = quest.Attributes;
            var questId = unchecked((short)q.QuestId);
            switch (q.State)
            {
                case QuestStates.Started:
                    started.Add(new StartedQuest(questId, string.Concat(q.Progress.Select(p => p.Progress))));
                    break;
                case QuestStates.Completed:
                    completed.Add(new CompletedQuest(questId, ToOptionalTime(q.CompletedAt) ?? DateTimeOffset.UnixEpoch));
                    break;
            }
        }

        return (started.ToValueList(), completed.ToValueList());
    }

    private static CharacterInventory MapInventory(InventoryResource inventory, ValueList<CharacterPet> pets)
    {
        IReadOnlyList<AssetResource> Assets(int type) => inventory.Compartment(type)?.Assets ?? [];
        byte Capacity(int type) => inventory.Compartment(type) is { } c ? (byte)Math.Min(c.Capacity, byte.MaxValue) : CharacterDefaults.SlotCapacity;

        var equipAssets = Assets(1);
        return new CharacterInventory
        {
            Capacities = new InventoryCapacities(Capacity(1), Capacity(2), Capacity(3), Capacity(4), Capacity(5)),
            Equipped = equipAssets.Where(a => a.Attributes.Slot < 0).Select(MapEquip).ToValueList(),
            Equips = equipAssets.Where(a => a.Attributes.Slot > 0).Select(MapEquip).ToValueList(),
            Use = Assets(2).Where(IsBagSlot).Select(MapStackable).ToValueList(),
            Setup = Assets(3).Where(IsBagSlot).Select(MapStackable).ToValueList(),
            Etc = Assets(4).Where(IsBagSlot).Select(MapStackable).ToValueList(),
            Cash = Assets(5).Where(IsBagSlot).Select(a => MapCash(a, pets)).ToValueList(),
        };
    }

    private static bool IsBagSlot(AssetResource asset) => asset.Attributes.Slot is > 0 and <= byte.MaxValue;

    private static EquipItem MapEquip(AssetResource asset)
    {
        var a = asset.Attributes;
        return new EquipItem
        {
            Position = a.Slot,
            TemplateId = unchecked((int)a.TemplateId),
            IsCash = a.CashId != 0,
            CashSerial = a.CashId,
            Expiration = ToOptionalTime(a.Expiration),
            UpgradeSlots = (byte)Math.Min(a.Slots, byte.MaxValue),
            // REST carries a single equipment "level" and no separate scroll-upgrade count; Atlas writes it into
            // both wire fields, and so do we until the asset model gains an upgrade counter.
            UpgradesApplied = a.Level,
            Strength = unchecked((short)a.Strength),
            Dexterity = unchecked((short)a.Dexterity),
            Intelligence = unchecked((short)a.Intelligence),
            Luck = unchecked((short)a.Luck),
            MaxHp = unchecked((short)a.Hp),
            MaxMp = unchecked((short)a.Mp),
            WeaponAttack = unchecked((short)a.WeaponAttack),
            MagicAttack = unchecked((short)a.MagicAttack),
            WeaponDefense = unchecked((short)a.WeaponDefense),
            MagicDefense = unchecked((short)a.MagicDefense),
            Accuracy = unchecked((short)a.Accuracy),
            Avoidability = unchecked((short)a.Avoidability),
            Hands = unchecked((short)a.Hands),
            Speed = unchecked((short)a.Speed),
            Jump = unchecked((short)a.Jump),
            Flag = Flag(a),
            LevelUpType = a.LevelType,
            ItemLevel = a.Level,
            ItemExperience = unchecked((int)a.Experience),
            ViciousHammers = unchecked((int)a.HammersApplied),
        };
    }

    private static StackableItem MapStackable(AssetResource asset)
    {
        var a = asset.Attributes;
        return new StackableItem
        {
            Position = (byte)a.Slot,
            TemplateId = unchecked((int)a.TemplateId),
            Expiration = ToOptionalTime(a.Expiration),
            Quantity = (short)Math.Min(a.Quantity, (uint)short.MaxValue),
            Flag = Flag(a),
            RechargeSerial = ItemKinds.IsRechargeable(unchecked((int)a.TemplateId)) ? unchecked((long)a.Rechargeable) : 0,
        };
    }

    private static CashInventoryItem MapCash(AssetResource asset, ValueList<CharacterPet> pets)
    {
        var a = asset.Attributes;
        if (a.PetId == 0)
        {
            return new CashItem
            {
                Position = (byte)a.Slot,
                TemplateId = unchecked((int)a.TemplateId),
                CashSerial = a.CashId,
                Expiration = ToOptionalTime(a.Expiration),
                Quantity = (short)Math.Min(a.Quantity, (uint)short.MaxValue),
                Flag = Flag(a),
            };
        }

        var pet = pets.FirstOrDefault(p => p.Id == a.PetId);
        return new PetItem
        {
            Position = (byte)a.Slot,
            TemplateId = unchecked((int)a.TemplateId),
            PetSerial = pet?.Serial ?? PetSerial(a.PetId, a.CashId),
            Name = pet?.Name ?? string.Empty,
            Level = pet?.Level ?? 1,
            Closeness = pet?.Closeness ?? 0,
            Fullness = pet?.Fullness ?? 100,
            DeadDate = ToOptionalTime(a.Expiration),
        };
    }

    /// <summary>The stored flag bits plus the lock / spikes / cold booleans the asset model keeps separately [C§5.8].</summary>
    private static short Flag(AssetAttributes a)
    {
        var flag = a.Flag;
        if (a.Locked)
            flag |= 0x01;
        if (a.Spikes)
            flag |= 0x02;
        if (a.Cold)
            flag |= 0x04;
        return unchecked((short)flag);
    }
}
