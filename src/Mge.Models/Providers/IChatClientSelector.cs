using Mge.Pipeline.Prompting;

namespace Mge.Models.Providers;

/// <summary>
/// Picks the chat client for a role when models are configured per role (Mge:Model:Roles). The model gateway asks
/// it once per call; every returned client already carries the fault handling (<c>ResilientChatClient</c>).
/// Thread-safe, one per host.
/// </summary>
public interface IChatClientSelector
{
    /// <summary>What is configured: provider, endpoint, model per role.</summary>
    ModelDescriptor Descriptor { get; }

    /// <summary>The client and model id for <paramref name="role"/> (the default model when the role has none of its own).</summary>
    SelectedChatClient ForRole(ModelRole role);
}
