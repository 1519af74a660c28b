namespace Mge.Models.Providers;

/// <summary>The values of Mge:Model:Provider (and the CLI's --provider).</summary>
public static class ModelProviderNames
{
    /// <summary>Azure OpenAI through Azure.AI.OpenAI: endpoint + deployment, API key or Entra ID.</summary>
    public const string AzureOpenAI = "azure-openai";

    /// <summary>OpenAI or any OpenAI-compatible server (Ollama, vLLM, LM Studio, llama.cpp server) through the OpenAI package.</summary>
    public const string OpenAI = "openai";

    /// <summary>The built-in deterministic offline model (the default).</summary>
    public const string Offline = "offline";

    /// <summary>Every accepted value, for messages and help text.</summary>
    public static IReadOnlyList<string> All { get; } = [AzureOpenAI, OpenAI, Offline];
}
