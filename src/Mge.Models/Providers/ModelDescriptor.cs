using System.Text;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Providers;

/// <summary>
/// What a host is talking to, for its summary and records: the provider, the endpoint, how it authenticates (never
/// the key) and the model each role uses. Registered by <c>AddMgeModels</c>.
/// </summary>
public sealed record ModelDescriptor
{
    public ModelDescriptor(string provider, string defaultModel, IReadOnlyDictionary<ModelRole, string>? roleModels = null, string? endpoint = null, string authentication = "none")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultModel);
        Provider = provider;
        DefaultModel = defaultModel;
        RoleModels = roleModels ?? new Dictionary<ModelRole, string>();
        Endpoint = endpoint;
        Authentication = authentication;
    }

    /// <summary><c>azure-openai</c>, <c>openai</c> or <c>offline</c>.</summary>
    public string Provider { get; }

    /// <summary>The model (Azure OpenAI: deployment) of every role not in <see cref="RoleModels"/>.</summary>
    public string DefaultModel { get; }

    /// <summary>Roles configured with their own model.</summary>
    public IReadOnlyDictionary<ModelRole, string> RoleModels { get; }

    /// <summary>The endpoint called (scheme, host, port, path; no query), null for offline or api.openai.com.</summary>
    public string? Endpoint { get; }

    /// <summary>"api-key from AZURE_OPENAI_API_KEY", "entra-id", "none"...</summary>
    public string Authentication { get; }

    /// <summary>The model <paramref name="role"/> uses.</summary>
    public string ModelFor(ModelRole role) => RoleModels.TryGetValue(role, out var model) ? model : DefaultModel;

    /// <summary>One line for a summary: "azure-openai gpt-4o at https://x.openai.azure.com/ (code: gpt-4.1; repair: gpt-4.1)".</summary>
    public string Summary
    {
        get
        {
            var text = new StringBuilder(Provider).Append(' ').Append(DefaultModel);
            if (Endpoint is not null)
            {
                text.Append(" at ").Append(Endpoint);
            }

            if (RoleModels.Count > 0)
            {
                text.Append(" (").AppendJoin("; ", RoleModels.OrderBy(r => r.Key).Select(r => $"{r.Key.ToString().ToLowerInvariant()}: {r.Value}")).Append(')');
            }

            return text.ToString();
        }
    }

    public override string ToString() => Summary;
}
