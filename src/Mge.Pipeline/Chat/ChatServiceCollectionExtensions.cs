using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mge.Pipeline.Chat;

/// <summary>Registers the chat services (conversation store and <see cref="ChatConversation"/>) on top of <c>AddMgePipeline</c> and a storage registration.</summary>
public static class ChatServiceCollectionExtensions
{
    public static IServiceCollection AddMgeChat(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ConversationStore>();
        services.TryAddTransient<ChatConversation>();
        return services;
    }
}
