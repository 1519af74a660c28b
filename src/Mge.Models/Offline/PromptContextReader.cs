using System.Text.Json;
using System.Text.Json.Nodes;
using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Offline;

/// <summary>
/// Finds every <c>```json mge-context</c> block in a prompt's messages, merges them in order (later
/// top-level properties override earlier ones) and reads the result as a <see cref="PromptContext"/>.
/// Project types are read leniently ("fastapi", "fast_api", "FastAPI"); malformed JSON is an error.
/// </summary>
internal static class PromptContextReader
{
    private const string Opening = "```" + PromptContext.FenceInfo;

    /// <summary>The merged context, or null when no message carries a context block.</summary>
    public static PromptContext? Read(IEnumerable<string> messageTexts)
    {
        JsonObject? merged = null;
        foreach (var text in messageTexts)
        {
            foreach (var block in Blocks(text))
            {
                merged ??= [];
                foreach (var (name, value) in block)
                {
                    merged[name] = value?.DeepClone();
                }
            }
        }

        if (merged is null)
        {
            return null;
        }

        NormaliseProjectType(merged);
        try
        {
            return merged.Deserialize<PromptContext>(PromptContext.SerializerOptions)
                ?? throw new InvalidOperationException("The mge-context blocks merge to null.");
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException($"The mge-context blocks do not match the PromptContext shape: {error.Message}", error);
        }
    }

    private static IEnumerable<JsonObject> Blocks(string text)
    {
        var searchFrom = 0;
        while (true)
        {
            var start = text.IndexOf(Opening, searchFrom, StringComparison.Ordinal);
            if (start < 0)
            {
                yield break;
            }

            var bodyStart = text.IndexOf('\n', start);
            if (bodyStart < 0)
            {
                throw new InvalidOperationException("An mge-context block has no body.");
            }

            bodyStart++;
            var (block, end) = ParseBody(text, bodyStart);
            yield return block;
            searchFrom = end;
        }
    }

    /// <summary>
    /// The JSON object between the info line and a closing fence. Code inside the JSON strings may itself
    /// contain fences, so each candidate closing fence is tried until the text before it parses.
    /// </summary>
    private static (JsonObject Block, int End) ParseBody(string text, int bodyStart)
    {
        var candidate = bodyStart;
        JsonException? lastError = null;
        while (true)
        {
            var close = text.IndexOf("```", candidate, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new InvalidOperationException(
                    $"An mge-context block is not valid JSON or is not closed{(lastError is null ? "" : $": {lastError.Message}")}.");
            }

            try
            {
                var node = JsonNode.Parse(text.AsSpan(bodyStart, close - bodyStart).ToString());
                if (node is JsonObject obj)
                {
                    return (obj, close + 3);
                }

                throw new InvalidOperationException("An mge-context block must hold a JSON object.");
            }
            catch (JsonException error)
            {
                lastError = error;
                candidate = close + 3;
            }
        }
    }

    private static void NormaliseProjectType(JsonObject merged)
    {
        if (merged["project_type"] is JsonValue value && value.TryGetValue<string>(out var name))
        {
            var type = ProjectTypeNames.TryParse(name)
                ?? throw new InvalidOperationException($"Unknown project_type '{name}' in the mge-context block (expected {Mge.Pipeline.Requests.ProjectTypeParser.Accepted}).");
            merged["project_type"] = JsonSerializer.SerializeToNode(type, PromptContext.SerializerOptions);
        }
    }
}
