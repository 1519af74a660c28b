using Microsoft.Extensions.Configuration;
using Mge.Models.Offline;
using Mge.Models.Resilience;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Providers;

/// <summary>
/// Which model MGE talks to, bound from configuration section <c>Mge:Model</c> (the CLI's --provider, --endpoint and
/// --model set the same keys). Nothing configured means the built-in offline model. Secrets never live here: the
/// API key is read from the environment variable <see cref="ApiKeyVariable"/> names.
/// </summary>
public sealed class ModelProviderOptions
{
    public const string SectionName = "Mge:Model";

    /// <summary>Default variable holding the Azure OpenAI key.</summary>
    public const string DefaultAzureKeyVariable = "AZURE_OPENAI_API_KEY";

    /// <summary>Default variable holding the OpenAI (or compatible server's) key.</summary>
    public const string DefaultOpenAIKeyVariable = "OPENAI_API_KEY";

    /// <summary><c>azure-openai</c>, <c>openai</c> or <c>offline</c> (<see cref="ModelProviderNames"/>); empty means offline.</summary>
    public string? Provider { get; set; }

    /// <summary>
    /// Azure OpenAI: the resource endpoint (https://NAME.openai.azure.com/). OpenAI-compatible: the base URL including
    /// the version segment (http://localhost:11434/v1 for Ollama); empty means api.openai.com.
    /// </summary>
    public string? Endpoint { get; set; }

    /// <summary>The default model (OpenAI-compatible) or deployment (Azure OpenAI).</summary>
    public string? Model { get; set; }

    /// <summary>Synonym of <see cref="Model"/> for Azure OpenAI; set one of the two.</summary>
    public string? Deployment { get; set; }

    /// <summary>
    /// Name of the environment variable holding the API key. Defaults: AZURE_OPENAI_API_KEY (azure-openai),
    /// OPENAI_API_KEY (openai). A variable named here must be set; the default may be empty for a local
    /// OpenAI-compatible server, which is then called without a key.
    /// </summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>Azure OpenAI only: authenticate with Entra ID (DefaultAzureCredential, or the managed identity <see cref="ClientId"/>) instead of a key.</summary>
    public bool UseEntraId { get; set; }

    /// <summary>Client id of a user-assigned managed identity (with <see cref="UseEntraId"/>).</summary>
    public string? ClientId { get; set; }

    /// <summary>A model per role (keys: Discovery, Planning, Code, Repair, Chat); roles not listed use <see cref="Model"/>.</summary>
    public Dictionary<string, RoleModelOptions> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Longest wait for one attempt (for streaming: for its first token), as hh:mm:ss.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt for 429, 5xx, timeouts and network failures.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff when the service sends no Retry-After; doubles per retry up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the backoff.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest Retry-After honoured; asking for more fails the call.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Settings of the offline model (provider offline), section Mge:Model:Offline.</summary>
    public OfflineModelOptions Offline { get; set; } = new();

    /// <summary>Reads section <see cref="SectionName"/> of <paramref name="configuration"/> (an empty section gives the offline defaults).</summary>
    public static ModelProviderOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ModelProviderOptions();
        configuration.GetSection(SectionName).Bind(options);
        return options;
    }

    /// <summary>The provider in effect: the configured one, lower-cased, or offline when none is set.</summary>
    public string EffectiveProvider => string.IsNullOrWhiteSpace(Provider) ? ModelProviderNames.Offline : Provider.Trim().ToLowerInvariant();

    /// <summary>
    /// Throws <see cref="ModelConfigurationException"/> listing every missing or contradictory setting.
    /// <paramref name="environment"/> reads environment variables (default: the process environment).
    /// </summary>
    public void Validate(Func<string, string?>? environment = null) => Resolve(environment);

    /// <summary>The retry settings for <see cref="ResilientChatClient"/>.</summary>
    public ModelResilienceOptions ToResilienceOptions() => new()
    {
        MaxRetries = MaxRetries,
        AttemptTimeout = Timeout,
        BaseDelay = RetryBaseDelay,
        MaxDelay = RetryMaxDelay,
        MaxRetryAfter = MaxRetryAfter,
    };

    /// <summary>Validates and resolves the settings (reads the key from the environment); throws on problems.</summary>
    internal ResolvedModelSettings Resolve(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var problems = new List<string>();
        var provider = EffectiveProvider;
        var model = Pick(Model, Deployment, $"{SectionName}:Model", $"{SectionName}:Deployment", problems);
        var roles = ResolveRoles(problems);
        CheckRetrySettings(problems);

        if (string.IsNullOrWhiteSpace(Provider))
        {
            var set = new[] { (Endpoint, "Endpoint"), (model, "Model"), (ApiKeyVariable, "ApiKeyVariable") }
                .Where(s => !string.IsNullOrWhiteSpace(s.Item1)).Select(s => $"{SectionName}:{s.Item2}").ToList();
            if (UseEntraId)
            {
                set.Add($"{SectionName}:UseEntraId");
            }

            if (set.Count > 0)
            {
                problems.Add($"{SectionName}:Provider is not set but {string.Join(", ", set)} {(set.Count == 1 ? "is" : "are")}; set {SectionName}:Provider (--provider) to azure-openai or openai, or remove them to use the offline model.");
            }
        }

        switch (provider)
        {
            case ModelProviderNames.Offline:
                CheckOffline(model, roles, explicitProvider: !string.IsNullOrWhiteSpace(Provider), problems);
                Throw(problems);
                return new ResolvedModelSettings(provider, null, OfflineChatClient.ModelName, roles, null, null, false, null, ToResilienceOptions());
            case ModelProviderNames.AzureOpenAI:
            {
                var endpoint = RequireEndpoint(problems);
                RequireModel(model, "the deployment name", problems);
                var (key, keyVariable) = ResolveAzureAuthentication(environment, problems);
                Throw(problems);
                return new ResolvedModelSettings(provider, endpoint, model!, roles, key, keyVariable, UseEntraId, Blank(ClientId), ToResilienceOptions());
            }
            case ModelProviderNames.OpenAI:
            {
                var endpoint = OptionalEndpoint(problems);
                RequireModel(model, "the model name", problems);
                var (key, keyVariable) = ResolveOpenAIKey(endpoint, environment, problems);
                Throw(problems);
                return new ResolvedModelSettings(provider, endpoint, model!, roles, key, keyVariable, false, null, ToResilienceOptions());
            }
            default:
                problems.Add($"{SectionName}:Provider '{Provider}' is not a provider; use one of {string.Join(", ", ModelProviderNames.All)}.");
                Throw(problems);
                throw new InvalidOperationException("unreachable: Throw always throws when there are problems");
        }
    }

    private Dictionary<ModelRole, string> ResolveRoles(List<string> problems)
    {
        var roles = new Dictionary<ModelRole, string>();
        foreach (var (name, role) in Roles)
        {
            var key = $"{SectionName}:Roles:{name}";
            if (!Enum.TryParse<ModelRole>(name, ignoreCase: true, out var parsed) || int.TryParse(name, out _))
            {
                problems.Add($"{key} is not a role; roles are {string.Join(", ", Enum.GetNames<ModelRole>())}.");
                continue;
            }

            var roleModel = Pick(role?.Model, role?.Deployment, $"{key}:Model", $"{key}:Deployment", problems);
            if (roleModel is null)
            {
                problems.Add($"{key}:Model is empty; name the model (or deployment) the {parsed} role uses, or remove {key}.");
                continue;
            }

            roles[parsed] = roleModel;
        }

        return roles;
    }

    private void CheckRetrySettings(List<string> problems)
    {
        if (Timeout <= TimeSpan.Zero || Timeout > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:Timeout is {Timeout}; it must be between 00:00:01 and 01:00:00 (hh:mm:ss; a bare number is read as days).");
        }

        if (MaxRetries is < 0 or > 20)
        {
            problems.Add($"{SectionName}:MaxRetries is {MaxRetries}; it must be between 0 and 20.");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay || RetryMaxDelay > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SectionName}:RetryBaseDelay ({RetryBaseDelay}) and {SectionName}:RetryMaxDelay ({RetryMaxDelay}) must satisfy 0 <= base <= max <= 00:10:00.");
        }

        if (MaxRetryAfter < TimeSpan.Zero || MaxRetryAfter > TimeSpan.FromHours(1))
        {
            problems.Add($"{SectionName}:MaxRetryAfter is {MaxRetryAfter}; it must be between 00:00:00 and 01:00:00.");
        }
    }

    private void CheckOffline(string? model, Dictionary<ModelRole, string> roles, bool explicitProvider, List<string> problems)
    {
        const string why = "the offline model runs in-process";
        // Without an explicit provider, stray endpoint/model/key settings are already reported as "Provider is not set".
        if (explicitProvider && !string.IsNullOrWhiteSpace(Endpoint))
        {
            problems.Add($"{SectionName}:Endpoint is set but {SectionName}:Provider is offline ({why}); remove the endpoint or set the provider to azure-openai or openai.");
        }

        if (explicitProvider && model is not null && !string.Equals(model, OfflineChatClient.ModelName, StringComparison.Ordinal))
        {
            problems.Add($"{SectionName}:Model is '{model}' but {SectionName}:Provider is offline, whose only model is {OfflineChatClient.ModelName}; remove the model or choose a provider.");
        }

        if (explicitProvider && (!string.IsNullOrWhiteSpace(ApiKeyVariable) || UseEntraId || !string.IsNullOrWhiteSpace(ClientId)))
        {
            problems.Add($"{SectionName}:ApiKeyVariable/UseEntraId/ClientId are set but {SectionName}:Provider is offline, which needs no credentials; remove them or choose a provider.");
        }

        if (roles.Count > 0)
        {
            problems.Add($"{SectionName}:Roles is set but {SectionName}:Provider is offline, which has one model; remove the role models or choose a provider.");
        }

        try
        {
            Offline.Validate();
        }
        catch (ArgumentOutOfRangeException exception)
        {
            problems.Add($"{SectionName}:Offline:{exception.ParamName}: {exception.Message}");
        }
    }

    private Uri? RequireEndpoint(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            problems.Add($"{SectionName}:Endpoint (--endpoint) is required for azure-openai: the resource URL, e.g. https://NAME.openai.azure.com/.");
            return null;
        }

        return OptionalEndpoint(problems);
    }

    private Uri? OptionalEndpoint(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Endpoint))
        {
            return null;
        }

        if (!Uri.TryCreate(Endpoint.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{SectionName}:Endpoint '{Endpoint}' is not an absolute http(s) URL.");
            return null;
        }

        return uri;
    }

    private void RequireModel(string? model, string what, List<string> problems)
    {
        if (model is null)
        {
            problems.Add($"{SectionName}:Model (--model) is required for {EffectiveProvider}: {what}.");
        }
    }

    private (string? Key, string? Variable) ResolveAzureAuthentication(Func<string, string?> environment, List<string> problems)
    {
        if (UseEntraId)
        {
            if (!string.IsNullOrWhiteSpace(ApiKeyVariable))
            {
                problems.Add($"{SectionName}:UseEntraId is true and {SectionName}:ApiKeyVariable is set: choose one way to authenticate (remove ApiKeyVariable to use Entra ID, or set UseEntraId to false).");
            }

            return (null, null);
        }

        if (!string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add($"{SectionName}:ClientId is set but {SectionName}:UseEntraId is false; set UseEntraId to true to use that managed identity, or remove ClientId.");
        }

        var variable = Blank(ApiKeyVariable) ?? DefaultAzureKeyVariable;
        var key = Blank(environment(variable));
        if (key is null)
        {
            problems.Add($"The environment variable {variable} ({SectionName}:ApiKeyVariable) is empty or not set: put the Azure OpenAI key in it, or set {SectionName}:UseEntraId to true.");
        }

        return (key, variable);
    }

    private (string? Key, string? Variable) ResolveOpenAIKey(Uri? endpoint, Func<string, string?> environment, List<string> problems)
    {
        if (UseEntraId || !string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add($"{SectionName}:UseEntraId/ClientId apply to azure-openai only; the openai provider authenticates with the key in {SectionName}:ApiKeyVariable (or none for a local server).");
        }

        var named = Blank(ApiKeyVariable);
        var variable = named ?? DefaultOpenAIKeyVariable;
        var key = Blank(environment(variable));
        if (key is null && named is not null)
        {
            problems.Add($"The environment variable {variable} ({SectionName}:ApiKeyVariable) is empty or not set; set it, or remove {SectionName}:ApiKeyVariable to call a local server without a key.");
        }
        else if (key is null && endpoint is null)
        {
            problems.Add($"The environment variable {variable} is empty or not set and {SectionName}:Endpoint is not set: api.openai.com needs a key. Set {variable}, or set {SectionName}:Endpoint (--endpoint) to a local OpenAI-compatible server.");
        }

        return (key, key is null ? null : variable);
    }

    private static string? Pick(string? model, string? deployment, string modelKey, string deploymentKey, List<string> problems)
    {
        var a = Blank(model);
        var b = Blank(deployment);
        if (a is not null && b is not null && !string.Equals(a, b, StringComparison.Ordinal))
        {
            problems.Add($"{modelKey} ('{a}') and {deploymentKey} ('{b}') disagree; set only one of them.");
        }

        return a ?? b;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Throw(List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ModelConfigurationException(problems);
        }
    }
}
