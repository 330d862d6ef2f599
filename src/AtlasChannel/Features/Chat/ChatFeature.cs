using AtlasChannel.Handlers;
using Microsoft.Extensions.DependencyInjection;

namespace AtlasChannel.Features.Chat;

public static class ChatFeature
{
    /// <summary>Chat and face expressions: general, group and whisper handlers, the chat event renderer and the character look-ups they share.</summary>
    public static IServiceCollection AddChatFeature(this IServiceCollection services)
    {
        services.AddSingleton<ChatCommands>();
        services.AddSingleton<IChatDirectory, ChatDirectory>();
        services.AddSingleton<ChatMultiHandler>();
        services.AddSingleton<IPacketHandler, ChatGeneralHandler>();
        services.AddSingleton<IPacketHandler>(sp => sp.GetRequiredService<ChatMultiHandler>());
        services.AddSingleton<IPacketHandler, ChatMultiAliasHandler>();
        services.AddSingleton<IPacketHandler, ChatWhisperHandler>();
        services.AddSingleton<IEventHandlers, ChatEvents>();
        services.AddSingleton<IPacketHandler, ExpressionHandler>();
        services.AddSingleton<IEventHandlers, ExpressionEvents>();
        return services;
    }
}
