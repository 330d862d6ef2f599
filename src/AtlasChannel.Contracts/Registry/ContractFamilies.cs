namespace AtlasChannel.Contracts;

/// <summary>Every family's registrations, in the order of the spec's file table.</summary>
internal static class ContractFamilies
{
    public static void RegisterAll(ContractCatalogBuilder catalog)
    {
        AccountContracts.Register(catalog);
        SessionContracts.Register(catalog);
        ChannelContracts.Register(catalog);
        AssetContracts.Register(catalog);
        CompartmentContracts.Register(catalog);
        CashShopContracts.Register(catalog);
        CharacterContracts.Register(catalog);
        MovementContracts.Register(catalog);
        MapContracts.Register(catalog);
        PortalContracts.Register(catalog);
        PetContracts.Register(catalog);
        StorageContracts.Register(catalog);
        GachaponContracts.Register(catalog);
        ChairContracts.Register(catalog);
        ChalkboardContracts.Register(catalog);
        ChatContracts.Register(catalog);
        DropContracts.Register(catalog);
        MonsterContracts.Register(catalog);
        FameContracts.Register(catalog);
        ConsumableContracts.Register(catalog);
        ExpressionContracts.Register(catalog);
        NoteContracts.Register(catalog);
        TransportContracts.Register(catalog);
        QuestContracts.Register(catalog);
        ReactorContracts.Register(catalog);
        SagaContracts.Register(catalog);
        BuddyListContracts.Register(catalog);
        PartyContracts.Register(catalog);
        GuildContracts.Register(catalog);
        InviteContracts.Register(catalog);
        MessengerContracts.Register(catalog);
        SkillContracts.Register(catalog);
        BuffContracts.Register(catalog);
        NpcContracts.Register(catalog);
        SystemMessageContracts.Register(catalog);
    }
}
