using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;

namespace Mge.Models.Resilience;

/// <summary>
/// Turns what a provider SDK threw into a <see cref="ModelFault"/>. The OpenAI and Azure.AI.OpenAI clients both
/// throw <see cref="ClientResultException"/> with the raw HTTP response (status, headers, error body), status 0
/// when no response came; network failures may also surface as <see cref="HttpRequestException"/> or
/// <see cref="IOException"/>. Anything else is not a transport fault and is not classified.
/// </summary>
internal static class ModelFaultClassifier
{
    private const int MaxDescriptionLength = 500;

    /// <summary>
    /// The fault behind <paramref name="exception"/>, or null when it is not a model transport fault (a bug, a
    /// caller's cancellation) and must propagate unchanged. <paramref name="attemptTimedOut"/> says whether the
    /// attempt's own timeout fired, which turns a cancellation into a <see cref="ModelFaultKind.Timeout"/>.
    /// </summary>
    public static ModelFault? Classify(Exception exception, bool attemptTimedOut, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is ClientResultException result)
        {
            return FromClientResult(result, attemptTimedOut, now);
        }

        if (exception is OperationCanceledException or TimeoutException)
        {
            // A cancellation the caller did not ask for is the attempt timeout (ours or the SDK's network timeout).
            return new ModelFault(ModelFaultKind.Timeout, null, null, attemptTimedOut ? "the attempt timed out" : "the request timed out", null);
        }

        if (exception is HttpRequestException or IOException)
        {
            return new ModelFault(ModelFaultKind.Transient, null, null, $"network failure: {exception.Message}", null);
        }

        return null;
    }

    private static ModelFault FromClientResult(ClientResultException exception, bool attemptTimedOut, DateTimeOffset now)
    {
        var status = exception.Status;
        var response = exception.GetRawResponse();
        if (status == 0 || response is null)
        {
            if (attemptTimedOut || exception.InnerException is OperationCanceledException or TimeoutException)
            {
                return new ModelFault(ModelFaultKind.Timeout, null, null, "the request timed out", null);
            }

            return new ModelFault(ModelFaultKind.Transient, null, null, $"no response: {exception.InnerException?.Message ?? exception.Message}", null);
        }

        var error = ReadError(response);
        var retryAfter = RetryAfterParser.Parse(name => response.Headers.TryGetValue(name, out var value) ? value : null, now);
        var description = $"HTTP {status}{(error.Code is null ? string.Empty : $" ({error.Code})")}: {Shorten(error.Message ?? response.ReasonPhrase)}";

        if (status == 429)
        {
            return new ModelFault(ModelFaultKind.RateLimited, status, error.Code, description, retryAfter);
        }

        if (status is 408 or 500 or 502 or 503 or 504)
        {
            return new ModelFault(ModelFaultKind.Transient, status, error.Code, description, retryAfter);
        }

        if (status == 400 && error.IsContentFilter)
        {
            return new ModelFault(ModelFaultKind.Refused, status, error.Code ?? "content_filter", description, null);
        }

        return new ModelFault(ModelFaultKind.Permanent, status, error.Code, description, null);
    }

    /// <summary>
    /// Reads the OpenAI-style error body <c>{"error": {"code", "message", "innererror": {"code"}}}</c>. Azure OpenAI marks
    /// content filtering with <c>code: content_filter</c> and <c>innererror.code: ResponsibleAIPolicyViolation</c>.
    /// </summary>
    private static (string? Code, string? Message, bool IsContentFilter) ReadError(PipelineResponse response)
    {
        string text;
        try
        {
            text = response.Content.ToString();
        }
        catch (InvalidOperationException)
        {
            // The error body was not buffered (streamed response); the status alone classifies the fault.
            return (null, null, false);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null, false);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return (null, Shorten(text), false);
            }

            var code = StringOf(error, "code");
            var message = StringOf(error, "message");
            var innerCode = error.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object ? StringOf(inner, "code") : null;
            var isFilter = string.Equals(code, "content_filter", StringComparison.OrdinalIgnoreCase)
                || string.Equals(innerCode, "ResponsibleAIPolicyViolation", StringComparison.OrdinalIgnoreCase);
            return (code, message, isFilter);
        }
        catch (JsonException)
        {
            // Proxies and local servers answer errors in plain text or HTML; keep the text for the message.
            return (null, Shorten(text), false);
        }
    }

    private static string? StringOf(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string Shorten(string? text)
    {
        var value = (text ?? string.Empty).Trim();
        return value.Length <= MaxDescriptionLength ? value : value[..MaxDescriptionLength] + "…";
    }
}
