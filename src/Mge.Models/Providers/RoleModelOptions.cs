namespace Mge.Models.Providers;

/// <summary>The model (Azure OpenAI: deployment) one role uses instead of the default (Mge:Model:Roles:&lt;Role&gt;).</summary>
public sealed class RoleModelOptions
{
    /// <summary>Model name (OpenAI-compatible) or deployment name (Azure OpenAI).</summary>
    public string? Model { get; set; }

    /// <summary>Synonym of <see cref="Model"/> for Azure OpenAI configurations; set one of the two.</summary>
    public string? Deployment { get; set; }
}
