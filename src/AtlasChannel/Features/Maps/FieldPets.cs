using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Characters;
using AtlasChannel.Features.Pets;
using AtlasChannel.Packets;
using AtlasChannel.Peers;
using AtlasChannel.Sessions;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Maps;

/// <summary>
/// Pets on map entry (map.md CHARACTER_ENTER step 4; pet.md §1, §5.4). The entering character gets PetActivated for
/// every summoned pet of the others in the field, from their loaded snapshots (the source of their CharacterSpawn).
/// Each of its own summoned pets goes to everyone in the field, itself included, as PetActivated, and to itself as
/// PetExcludeResponse. Its own pets are read fresh from PETS, which alone has the exclusion lists; when that read fails
/// the snapshot's pets are announced without exclusion lists.
/// </summary>
public sealed partial class FieldPets(SessionRegistry registry, PetPeer pets, ILogger<FieldPets> logger) : IFieldEntryPart
{
    public string Name => "pets";

    public static bool IsSummoned(CharacterPet pet)
    {
        ArgumentNullException.ThrowIfNull(pet);
        return pet.Slot is >= 0 and <= 2;
    }

    public async Task SendAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entering);
        ArgumentNullException.ThrowIfNull(field);
        SendOthersPets(entering, field);
        foreach (var owned in await OwnPetsAsync(entering, field, cancellationToken))
        {
            var spawn = new PetSpawn(entering.CharacterId, owned.Pet);
            registry.SendToMap(field.Key, PetPackets.ActivatedWriter, spawn, PetPackets.Spawn, except: entering);
            entering.Send(PetPackets.ActivatedWriter, spawn, PetPackets.Spawn);
            if (owned.Excludes is { } items)
                entering.Send(PetPackets.ExcludeResponseWriter, new PetExcludes(entering.CharacterId, owned.Pet.Slot, owned.Pet.Serial, items), PetPackets.ExcludeResponse);
        }
    }

    private void SendOthersPets(Session entering, FieldOfEntry field)
    {
        foreach (var other in registry.InMap(field.Key))
        {
            if (ReferenceEquals(other, entering) || other.CharacterId == entering.CharacterId || other.Character is not { } character)
                continue;
            foreach (var pet in character.Pets)
            {
                if (IsSummoned(pet))
                    entering.Send(PetPackets.ActivatedWriter, new PetSpawn(other.CharacterId, pet), PetPackets.Spawn);
            }
        }
    }

    /// <summary>The entering character's summoned pets; <see cref="Announced.Excludes"/> is null for snapshot pets.</summary>
    private async Task<IEnumerable<Announced>> OwnPetsAsync(Session entering, FieldOfEntry field, CancellationToken cancellationToken)
    {
        string reason;
        try
        {
            if (await pets.OwnedAsync(field.Tenant, entering.CharacterId, cancellationToken) is { } owned)
                return owned.Where(p => IsSummoned(p.Pet)).Select(p => new Announced(p.Pet, p.Excludes));
            reason = "HTTP 404";
        }
        catch (Exception ex) when (ex is PeerException or JsonApiFormatException)
        {
            reason = ex.Message;
        }

        LogFallback(logger, entering.Id, entering.CharacterId, reason);
        var loaded = entering.Character?.Pets ?? ValueList.Empty<CharacterPet>();
        return loaded.Where(IsSummoned).Select(p => new Announced(p, null));
    }

    private readonly record struct Announced(CharacterPet Pet, IReadOnlyList<uint>? Excludes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: pets of character {CharacterId} not read ({Reason}); announcing the loaded ones without exclusion lists")]
    private static partial void LogFallback(ILogger logger, Guid sessionId, int characterId, string reason);
}
