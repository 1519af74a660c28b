using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mge.Api.Http;

/// <summary>
/// Reads a JSON request body safely: bodies over <see cref="MaxBodyBytes"/> are refused before any parsing (by
/// Content-Length when sent, else while reading), empty or whitespace bodies are reported as such, and JSON
/// errors (syntax, wrong types, unknown members) come back as a 400 problem naming the JSON path.
/// </summary>
public static class JsonBodyReader
{
    /// <summary>The largest body any route accepts (1 MiB); far above the longest valid request text.</summary>
    public const int MaxBodyBytes = 1 << 20;

    /// <param name="allowEmpty">True when the body is optional (negotiate): an empty body gives a null value and no problem.</param>
    public static async Task<JsonBody<T>> ReadAsync<T>(HttpRequest request, string example, bool allowEmpty, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength is > MaxBodyBytes)
        {
            return new JsonBody<T>(null, TooLarge(request.ContentLength.Value));
        }

        var bytes = await ReadBoundedAsync(request.Body, cancellationToken);
        if (bytes is null)
        {
            return new JsonBody<T>(null, TooLarge(null));
        }

        if (IsBlank(bytes))
        {
            return allowEmpty
                ? new JsonBody<T>(null, null)
                : new JsonBody<T>(null, Empty(example));
        }

        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(bytes, ApiJson.BodyOptions);
        }
        catch (JsonException error)
        {
            var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "$" : error.Path.TrimStart('$', '.');
            return new JsonBody<T>(null, ApiResponses.Problem(
                StatusCodes.Status400BadRequest,
                ProblemTypes.InvalidJson,
                "The body is not valid JSON for this route",
                $"{error.Message} Send {example}.",
                new Dictionary<string, string[]> { [field] = [error.Message] }));
        }

        return value is null && !allowEmpty
            ? new JsonBody<T>(null, Empty(example))
            : new JsonBody<T>(value, null);
    }

    /// <summary>The body's bytes, or null when it is longer than <see cref="MaxBodyBytes"/> (reading stops there).</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsBlank(byte[] bytes) => bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private static Microsoft.AspNetCore.Mvc.JsonResult Empty(string example) => ApiResponses.Problem(
        StatusCodes.Status400BadRequest, ProblemTypes.EmptyBody, "The body is empty", $"Send {example}.");

    private static Microsoft.AspNetCore.Mvc.JsonResult TooLarge(long? length) => ApiResponses.Problem(
        StatusCodes.Status413PayloadTooLarge,
        ProblemTypes.BodyTooLarge,
        "The body is too large",
        length is { } l
            ? $"The body is {l:N0} bytes; this API accepts at most {MaxBodyBytes:N0} bytes."
            : $"The body is over {MaxBodyBytes:N0} bytes, the most this API accepts.");
}
