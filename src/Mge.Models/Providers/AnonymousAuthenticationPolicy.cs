using System.ClientModel.Primitives;

namespace Mge.Models.Providers;

/// <summary>
/// Sends requests without credentials, for local OpenAI-compatible servers (Ollama, vLLM, LM Studio, llama.cpp)
/// that need no key: no placeholder "Bearer" header is invented.
/// </summary>
internal sealed class AnonymousAuthenticationPolicy : AuthenticationPolicy
{
    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNext(message, pipeline, currentIndex);

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNextAsync(message, pipeline, currentIndex);
}
