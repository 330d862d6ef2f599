using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.CharacterInfo;

public static class CharacterInfoRegistration
{
    /// <summary>Needs the cash-shop feature's <see cref="CashShop.CashShopPeer"/> (wish list).</summary>
    public static IServiceCollection AddCharacterInfoFeature(this IServiceCollection services)
    {
        services.AddSingleton<IPacketHandler, CharacterInfoHandler>();
        return services;
    }
}
