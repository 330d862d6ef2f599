using AtlasChannel.Sandbox.Data;
using AtlasChannel.Sandbox.State;

namespace AtlasChannel.Sandbox;

/// <summary>Everything the fake peers share: the fixture catalogues and the mutable peer state.</summary>
internal sealed class SandboxData
{
    public SandboxData(SandboxOptions options)
    {
        Options = options;
        Fixtures = FixtureStore.LoadEmbedded();
        Characters = new CharacterCatalog(Fixtures, new GeneratedCharacters(Fixtures, options.GeneratedCharacterFirstId, options.GeneratedCharacterLastId));
        Accounts = new AccountCatalog(Characters, options.HandedOverAccountIds);
        Sessions = new AccountSessions(Accounts, options.TimeProvider, options.TransitionTimeout);
        Population = new FieldPopulation();
        Channels = new ChannelRegistry(options.TimeProvider, options.ChannelRegistrationExpiry);
        Wishlists = new WishlistStore();
        Seats = new FieldCharacterState<Seat>();
        Chalkboards = new FieldCharacterState<OpenChalkboard>();
        TenantTemplateJson = TenantTemplate.Read(options);
    }

    public SandboxOptions Options { get; }

    public FixtureStore Fixtures { get; }

    public CharacterCatalog Characters { get; }

    public AccountCatalog Accounts { get; }

    public AccountSessions Sessions { get; }

    public FieldPopulation Population { get; }

    public ChannelRegistry Channels { get; }

    public WishlistStore Wishlists { get; }

    /// <summary>The chairs service: who sits on what, in which field.</summary>
    public FieldCharacterState<Seat> Seats { get; }

    /// <summary>The chalkboards service: who has one open, in which field.</summary>
    public FieldCharacterState<OpenChalkboard> Chalkboards { get; }

    /// <summary>The tenant configuration's attributes object (the bundled template).</summary>
    public string TenantTemplateJson { get; }
}
