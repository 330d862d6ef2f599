using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.CashShop;

public static class CashShopRegistration
{
    public static IServiceCollection AddCashShopFeature(this IServiceCollection services)
    {
        services.AddSingleton<CashShopPeer>();
        services.AddSingleton<CashShopStatus>();
        services.AddSingleton<CashShopPresence>();
        services.AddSingleton<CashShopExit>();
        services.AddSingleton<IPacketHandler, CashShopEntryHandler>();
        return services;
    }
}
