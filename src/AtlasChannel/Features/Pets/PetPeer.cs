using System.Globalization;
using System.Text.Json;
using AtlasChannel.Contracts.Rest;
using AtlasChannel.Features.Characters;
using AtlasChannel.Messaging;
using AtlasChannel.Peers;
using Microsoft.Extensions.Logging;

namespace AtlasChannel.Features.Pets;

/// <summary>A character's pet as PETS reports it now, with the item ids it will not loot.</summary>
public sealed record OwnedPet(CharacterPet Pet, IReadOnlyList<uint> Excludes);

/// <summary>PETS <c>characters/{id}/pets</c> (spec/rest/pets.md), read defensively: a bad resource is skipped on its own.</summary>
public sealed partial class PetPeer(PeerHttp http, ILogger<PetPeer> logger)
{
    /// <summary>
    /// The character's pets in slot order; <see langword="null"/> on 404. Throws <see cref="PeerException"/>, or
    /// <see cref="JsonApiFormatException"/> when the answer is not a collection.
    /// </summary>
    public async Task<IReadOnlyList<OwnedPet>?> OwnedAsync(Tenant tenant, int characterId, CancellationToken cancellationToken)
    {
        var path = string.Create(CultureInfo.InvariantCulture, $"characters/{characterId}/pets");
        var body = await http.GetAsync(PeerRoots.Pets, path, tenant, cancellationToken);
        return body is null ? null : Read(body, characterId);
    }

    /// <summary>
    /// Every usable <c>pets</c> resource. Skipped: another type, a non-decimal id, attributes that are not an object,
    /// a missing <c>templateId</c> or <c>slot</c> (a default slot 0 would summon it), values of the wrong type, and
    /// a pet of another owner.
    /// </summary>
    public IReadOnlyList<OwnedPet> Read(ReadOnlySpan<byte> body, int ownerId) =>
        [.. TolerantCollection.Read(body, RestResources.PetsType, (JsonApiResource resource, out OwnedPet pet, out string why) => TryRead(resource, ownerId, out pet, out why),
                (resource, why) => LogSkipped(logger, resource.Type, resource.Id, why))
            .OrderBy(p => p.Pet.Slot)];

    private static bool TryRead(JsonApiResource resource, int ownerId, out OwnedPet pet, out string why)
    {
        pet = null!;
        var a = resource.Attributes;
        if (!ResourceId.TryUInt32(resource.Id, out _))
            why = "id is not a decimal uint32";
        else if (a.ValueKind != JsonValueKind.Object || !a.TryUInt32("templateId", out _) || !a.TrySByte("slot", out _))
            why = "templateId or slot missing or invalid";
        else if (a.TryUInt32("ownerId", out var owner) && owner != (uint)ownerId)
            why = "another character's pet";
        else
        {
            PetResource read;
            try
            {
                read = RestResources.ReadPet(resource);
            }
            catch (JsonApiFormatException ex)
            {
                why = ex.Message;
                return false;
            }

            pet = new OwnedPet(CharacterSnapshotMapper.MapPet(read), [.. read.Attributes.Excludes.Select(e => e.ItemId)]);
            why = "";
            return true;
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "PETS: {Type} '{Id}' skipped: {Why}")]
    private static partial void LogSkipped(ILogger logger, string type, string id, string why);
}
