namespace Mge.Models.Resilience;

/// <summary>
/// The provider's content filter refused the prompt (Azure OpenAI's HTTP 400 with code <c>content_filter</c>) or the
/// completion (<c>finish_reason: content_filter</c>). Never retried: the same prompt gets the same verdict.
/// </summary>
public sealed class ModelRefusedException : ModelCallException
{
    public ModelRefusedException(string message, ModelRefusalSource source, int? statusCode = null, string? errorCode = null, string? partialText = null, Exception? innerException = null)
        : base(message, statusCode, errorCode, 1, innerException)
    {
        FilteredPart = source;
        PartialText = partialText;
    }

    /// <summary>Whether the prompt or the model's answer was filtered.</summary>
    public ModelRefusalSource FilteredPart { get; }

    /// <summary>Text received before the filter stopped the answer (streaming, or a partial non-streaming answer); null when none.</summary>
    public string? PartialText { get; }
}
