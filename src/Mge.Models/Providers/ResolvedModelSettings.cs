using Mge.Models.Resilience;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Providers;

/// <summary>
/// <see cref="ModelProviderOptions"/> after validation: the provider, endpoint, default model, role models, the key
/// read from the environment (never logged or printed) and the retry settings.
/// </summary>
internal sealed record ResolvedModelSettings(
    string Provider,
    Uri? Endpoint,
    string DefaultModel,
    IReadOnlyDictionary<ModelRole, string> RoleModels,
    string? ApiKey,
    string? ApiKeyVariable,
    bool UseEntraId,
    string? ClientId,
    ModelResilienceOptions Resilience)
{
    /// <summary>How the client authenticates, for the descriptor: never the key itself.</summary>
    public string Authentication => Provider switch
    {
        ModelProviderNames.Offline => "none",
        _ when UseEntraId => ClientId is null ? "entra-id" : $"entra-id (managed identity {ClientId})",
        _ when ApiKey is not null => $"api-key from {ApiKeyVariable}",
        _ => "none",
    };
}
