namespace Mge.Models.Resilience;

/// <summary>Which side of a model call a content filter stopped.</summary>
public enum ModelRefusalSource
{
    /// <summary>The prompt was filtered before the model answered (HTTP 400, code content_filter).</summary>
    Prompt,

    /// <summary>The answer was filtered (finish_reason content_filter).</summary>
    Completion,
}
