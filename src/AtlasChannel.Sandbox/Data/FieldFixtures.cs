namespace AtlasChannel.Sandbox.Data;

/// <summary>A monster standing in a fixture field (MONSTERS attributes, monsters.md).</summary>
public readonly record struct MonsterFixture(uint UniqueId, uint MonsterId, short X, short Y, short Foothold, byte Stance, uint Hp);

/// <summary>A reactor of a fixture field (REACTORS attributes, reactors.md).</summary>
public readonly record struct ReactorFixture(uint ReactorId, uint Classification, string Name, sbyte State, short X, short Y, byte Direction);

/// <summary>A drop lying in a fixture field (DROPS attributes, drops.md).</summary>
public readonly record struct DropFixture(uint DropId, uint ItemId, uint Quantity, uint Meso, byte OwnType, short X, short Y, uint DropperId, short DropperX, short DropperY);

/// <summary>
/// What already stands in the fixture fields, the same in every channel and the nil instance of the map (the real
/// monster, reactor and drop services spawn per field; the sandbox does not simulate them). Henesys (100000000), where
/// the fixture characters log in: three monsters along the fixture map's only foothold (id 1, y 334, x −1600…−1500),
/// nobody controlling them; the reactor of reactors.md's example; one Blue Snail Shell dropped by the second monster,
/// free for all. Values are illustrative, not the real map's.
/// </summary>
public static class FieldFixtures
{
    public const uint Henesys = 100000000;

    private static readonly MonsterFixture[] HenesysMonsters =
    [
        new(1000000001, 100100, -1580, 334, 1, 5, 8),   // Snail, facing left
        new(1000000002, 100101, -1550, 334, 1, 4, 15),  // Blue Snail, facing right
        new(1000000003, 120100, -1520, 334, 1, 5, 80),  // Shroom
    ];

    private static readonly ReactorFixture[] HenesysReactors = [new(2000000001, 1002000, "mBox", 0, 1542, 334, 0)];

    private static readonly DropFixture[] HenesysDrops = [new(1000000101, 4000000, 1, 0, 2, -1560, 334, 1000000002, -1550, 334)];

    public static IReadOnlyList<MonsterFixture> MonstersIn(uint mapId) => mapId == Henesys ? HenesysMonsters : [];

    public static IReadOnlyList<ReactorFixture> ReactorsIn(uint mapId) => mapId == Henesys ? HenesysReactors : [];

    public static IReadOnlyList<DropFixture> DropsIn(uint mapId) => mapId == Henesys ? HenesysDrops : [];
}
