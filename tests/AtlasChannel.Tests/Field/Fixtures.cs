using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Characters;
using AtlasChannel.Protocol;
using AtlasChannel.Testing;

namespace AtlasChannel.Tests.Field;

internal static class Fixtures
{
    public static readonly ClientVersion V83 = new("GMS", 83, 1);
    public static readonly ClientVersion V84 = new("GMS", 84, 1);
    public static readonly ClientVersion V87 = new("GMS", 87, 1);
    public static readonly ClientVersion V92 = new("GMS", 92, 1);
    public static readonly ClientVersion V95 = new("GMS", 95, 1);
    public static readonly ClientVersion Jms185 = new("JMS", 185, 1);

    /// <summary>The server time the fixture README is written against.</summary>
    public static readonly DateTimeOffset ServerTime = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The bundled template of the version, or — for v84 (no template) and v95 (its bundled template registers no
    /// channel writers) — a table holding just SetField with the opcode from field.md §0.
    /// </summary>
    public static Protocol.Opcodes.OpcodeTable Opcodes(ClientVersion version)
    {
        var setField = (version.Region, version.Major) switch
        {
            ("GMS", 84) => "0x7D",
            ("GMS", 95) => "0x8D",
            _ => null,
        };
        return setField is null
            ? Protocol.Opcodes.BundledTemplates.Load(version)
            : Protocol.Opcodes.OpcodeTable.Parse($$$"""{"region":"{{{version.Region}}}","majorVersion":{{{version.Major}}},"minorVersion":{{{version.Minor}}},"socket":{"handlers":[],"writers":[{"opCode":"{{{setField}}}","writer":"SetField"}]}}""");
    }

    public static string SandboxPath(params string[] parts) =>
        Path.Combine([SpecFiles.Root, "..", "src", "AtlasChannel.Sandbox", "Fixtures", .. parts]);

    public static byte[] Sandbox(params string[] parts) => File.ReadAllBytes(SandboxPath(parts));

    public static byte[] RestExample(string name) => File.ReadAllBytes(SpecFiles.Path("rest", "examples", name));

    public static CharacterSnapshot LoadSandboxCharacter(int id)
    {
        var dir = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return CharacterSnapshotMapper.Map(new CharacterSources(
            RestResources.ReadCharacter(Sandbox("characters", dir + ".json")),
            RestResources.ReadInventory(Sandbox("characters", dir, "inventory.json")),
            RestResources.ReadSkills(Sandbox("characters", dir, "skills.json")),
            RestResources.ReadQuests(Sandbox("characters", dir, "quests.json")),
            RestResources.ReadPets(Sandbox("characters", dir, "pets.json"))));
    }

    /// <summary>The Atlas SetField fixture character of field.md §1.2 (id 1000 "TestChar").</summary>
    public static CharacterSnapshot TestChar() => new()
    {
        Stats = new CharacterStats
        {
            Id = 1000,
            Name = "TestChar",
            Gender = 0,
            Skin = 1,
            Face = 20000,
            Hair = 30000,
            Level = 50,
            Job = 312,
            Strength = 100,
            Dexterity = 50,
            Intelligence = 30,
            Luck = 20,
            Hp = 5000,
            MaxHp = 5000,
            Mp = 3000,
            MaxMp = 3000,
            Ap = 5,
            Sp = 3,
            Experience = 50000,
            Fame = 10,
            MapId = 100000000,
        },
        BuddyCapacity = 20,
        Meso = 100000,
    };
}
