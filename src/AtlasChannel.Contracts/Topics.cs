namespace AtlasChannel.Contracts;

/// <summary>
/// Environment-variable tokens of every topic the channel consumes or produces (spec README §8). The token is also
/// the default topic name; deployments may override it with an environment variable of the same name.
/// </summary>
public static class Topics
{
    public const string EventAccountStatus = "EVENT_TOPIC_ACCOUNT_STATUS";
    public const string EventAccountSessionStatus = "EVENT_TOPIC_ACCOUNT_SESSION_STATUS";
    public const string CommandAccountSession = "COMMAND_TOPIC_ACCOUNT_SESSION";
    public const string EventSessionStatus = "EVENT_TOPIC_SESSION_STATUS";
    public const string CommandChannelStatus = "COMMAND_TOPIC_CHANNEL_STATUS";
    public const string EventAssetStatus = "EVENT_TOPIC_ASSET_STATUS";
    public const string EventCompartmentStatus = "EVENT_TOPIC_COMPARTMENT_STATUS";
    public const string CommandCompartment = "COMMAND_TOPIC_COMPARTMENT";
    public const string EventCashShopStatus = "EVENT_TOPIC_CASH_SHOP_STATUS";
    public const string EventCashCompartmentStatus = "EVENT_TOPIC_CASH_COMPARTMENT_STATUS";
    public const string CommandCashShop = "COMMAND_TOPIC_CASH_SHOP";
    public const string EventCharacterStatus = "EVENT_TOPIC_CHARACTER_STATUS";
    public const string CommandCharacter = "COMMAND_TOPIC_CHARACTER";
    public const string CommandCharacterMovement = "COMMAND_TOPIC_CHARACTER_MOVEMENT";
    public const string CommandMonsterMovement = "COMMAND_TOPIC_MONSTER_MOVEMENT";
    public const string CommandPetMovement = "COMMAND_TOPIC_PET_MOVEMENT";
    public const string EventMapStatus = "EVENT_TOPIC_MAP_STATUS";
    public const string CommandPortal = "COMMAND_TOPIC_PORTAL";
    public const string EventPetStatus = "EVENT_TOPIC_PET_STATUS";
    public const string CommandPet = "COMMAND_TOPIC_PET";
    public const string EventStorageStatus = "EVENT_TOPIC_STORAGE_STATUS";
    public const string EventStorageCompartmentStatus = "EVENT_TOPIC_STORAGE_COMPARTMENT_STATUS";
    public const string CommandStorage = "COMMAND_TOPIC_STORAGE";
    public const string EventGachaponRewardWon = "EVENT_TOPIC_GACHAPON_REWARD_WON";
    public const string EventChairStatus = "EVENT_TOPIC_CHAIR_STATUS";
    public const string CommandChair = "COMMAND_TOPIC_CHAIR";
    public const string EventChalkboardStatus = "EVENT_TOPIC_CHALKBOARD_STATUS";
    public const string CommandChalkboard = "COMMAND_TOPIC_CHALKBOARD";
    public const string EventCharacterChat = "EVENT_TOPIC_CHARACTER_CHAT";
    public const string CommandCharacterChat = "COMMAND_TOPIC_CHARACTER_CHAT";
    public const string EventDropStatus = "EVENT_TOPIC_DROP_STATUS";
    public const string CommandDrop = "COMMAND_TOPIC_DROP";
    public const string EventMonsterStatus = "EVENT_TOPIC_MONSTER_STATUS";
    public const string CommandMonster = "COMMAND_TOPIC_MONSTER";
    public const string EventFameStatus = "EVENT_TOPIC_FAME_STATUS";
    public const string CommandFame = "COMMAND_TOPIC_FAME";
    public const string EventConsumableStatus = "EVENT_TOPIC_CONSUMABLE_STATUS";
    public const string CommandConsumable = "COMMAND_TOPIC_CONSUMABLE";
    public const string EventExpression = "EVENT_TOPIC_EXPRESSION";
    public const string CommandExpression = "COMMAND_TOPIC_EXPRESSION";
    public const string EventNoteStatus = "EVENT_TOPIC_NOTE_STATUS";
    public const string CommandNote = "COMMAND_TOPIC_NOTE";
    public const string EventTransportStatus = "EVENT_TOPIC_TRANSPORT_STATUS";
    public const string EventInstanceTransport = "EVENT_TOPIC_INSTANCE_TRANSPORT";
    public const string EventQuestStatus = "EVENT_TOPIC_QUEST_STATUS";
    public const string CommandQuest = "COMMAND_TOPIC_QUEST";
    public const string CommandQuestConversation = "COMMAND_TOPIC_QUEST_CONVERSATION";
    public const string EventReactorStatus = "EVENT_TOPIC_REACTOR_STATUS";
    public const string CommandReactor = "COMMAND_TOPIC_REACTOR";
    public const string EventSagaStatus = "EVENT_TOPIC_SAGA_STATUS";
    public const string CommandSaga = "COMMAND_TOPIC_SAGA";
    public const string EventBuddyListStatus = "EVENT_TOPIC_BUDDY_LIST_STATUS";
    public const string CommandBuddyList = "COMMAND_TOPIC_BUDDY_LIST";
    public const string EventPartyStatus = "EVENT_TOPIC_PARTY_STATUS";
    public const string EventPartyMemberStatus = "EVENT_TOPIC_PARTY_MEMBER_STATUS";
    public const string CommandParty = "COMMAND_TOPIC_PARTY";
    public const string EventGuildStatus = "EVENT_TOPIC_GUILD_STATUS";
    public const string EventGuildThreadStatus = "EVENT_TOPIC_GUILD_THREAD_STATUS";
    public const string CommandGuild = "COMMAND_TOPIC_GUILD";
    public const string CommandGuildThread = "COMMAND_TOPIC_GUILD_THREAD";
    public const string EventInviteStatus = "EVENT_TOPIC_INVITE_STATUS";
    public const string CommandInvite = "COMMAND_TOPIC_INVITE";
    public const string EventMessengerStatus = "EVENT_TOPIC_MESSENGER_STATUS";
    public const string CommandMessenger = "COMMAND_TOPIC_MESSENGER";
    public const string EventSkillStatus = "EVENT_TOPIC_SKILL_STATUS";
    public const string CommandSkill = "COMMAND_TOPIC_SKILL";
    public const string CommandSkillMacro = "COMMAND_TOPIC_SKILL_MACRO";
    public const string EventCharacterBuffStatus = "EVENT_TOPIC_CHARACTER_BUFF_STATUS";
    public const string CommandCharacterBuff = "COMMAND_TOPIC_CHARACTER_BUFF";
    public const string CommandNpc = "COMMAND_TOPIC_NPC";
    public const string CommandNpcConversation = "COMMAND_TOPIC_NPC_CONVERSATION";
    public const string EventNpcShopStatus = "EVENT_TOPIC_NPC_SHOP_STATUS";
    public const string CommandNpcShop = "COMMAND_TOPIC_NPC_SHOP";
    public const string CommandSystemMessage = "COMMAND_TOPIC_SYSTEM_MESSAGE";

    /// <summary>All tokens, in the order of the spec's master table.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        EventAccountStatus,
        EventAccountSessionStatus,
        CommandAccountSession,
        EventSessionStatus,
        CommandChannelStatus,
        EventAssetStatus,
        EventCompartmentStatus,
        CommandCompartment,
        EventCashShopStatus,
        EventCashCompartmentStatus,
        CommandCashShop,
        EventCharacterStatus,
        CommandCharacter,
        CommandCharacterMovement,
        CommandMonsterMovement,
        CommandPetMovement,
        EventMapStatus,
        CommandPortal,
        EventPetStatus,
        CommandPet,
        EventStorageStatus,
        EventStorageCompartmentStatus,
        CommandStorage,
        EventGachaponRewardWon,
        EventChairStatus,
        CommandChair,
        EventChalkboardStatus,
        CommandChalkboard,
        EventCharacterChat,
        CommandCharacterChat,
        EventDropStatus,
        CommandDrop,
        EventMonsterStatus,
        CommandMonster,
        EventFameStatus,
        CommandFame,
        EventConsumableStatus,
        CommandConsumable,
        EventExpression,
        CommandExpression,
        EventNoteStatus,
        CommandNote,
        EventTransportStatus,
        EventInstanceTransport,
        EventQuestStatus,
        CommandQuest,
        CommandQuestConversation,
        EventReactorStatus,
        CommandReactor,
        EventSagaStatus,
        CommandSaga,
        EventBuddyListStatus,
        CommandBuddyList,
        EventPartyStatus,
        EventPartyMemberStatus,
        CommandParty,
        EventGuildStatus,
        EventGuildThreadStatus,
        CommandGuild,
        CommandGuildThread,
        EventInviteStatus,
        CommandInvite,
        EventMessengerStatus,
        CommandMessenger,
        EventSkillStatus,
        CommandSkill,
        CommandSkillMacro,
        EventCharacterBuffStatus,
        CommandCharacterBuff,
        CommandNpc,
        CommandNpcConversation,
        EventNpcShopStatus,
        CommandNpcShop,
        CommandSystemMessage,
    ];
}
