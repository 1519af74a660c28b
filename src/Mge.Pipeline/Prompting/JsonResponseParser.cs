using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// Reads a JSON object out of a model's answer, tolerant where models are sloppy and strict about the JSON
/// itself. Candidates, in order: the content of each fenced block that holds an object (```json or bare ```),
/// then each balanced top-level {...} of the text (so leading and trailing prose is ignored). The first
/// candidate that deserialises wins. Otherwise the error says what went wrong and where (line and column in
/// the answer), so that it can be fed back to the model. With a schema, a candidate must conform to it too, and
/// the error lists where it does not.
/// </summary>
public static class JsonResponseParser
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <param name="schema">When given, a candidate must also conform to it (<see cref="JsonSchemaValidator"/>) before it is deserialised.</param>
    public static bool TryParse<T>(string? text, out T value, out string error, JsonOutputSchema? schema = null)
        where T : class
    {
        value = default!;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the answer is empty; expected one JSON object";
            return false;
        }

        var candidates = FencedCandidates(text).Concat(BalancedCandidates(text, out var unclosedAt)).ToList();
        if (candidates.Count == 0)
        {
            error = unclosedAt is { } at
                ? $"the JSON object starting at {Position(text, at)} is not closed (the answer may have been cut off)"
                : $"no JSON object found in the answer ({text.Length} characters; it must contain {{...}})";
            return false;
        }

        string? firstError = null;
        foreach (var (start, json) in candidates)
        {
            try
            {
                if (schema is not null)
                {
                    using var document = JsonDocument.Parse(json, DocumentOptions);
                    var problems = schema.Validate(document.RootElement);
                    if (problems.Count > 0)
                    {
                        firstError ??= $"the JSON at {Position(text, start)} does not match the schema '{schema.Name}': {string.Join("; ", problems)}";
                        continue;
                    }
                }

                var parsed = JsonSerializer.Deserialize<T>(json, Options);
                if (parsed is not null)
                {
                    value = parsed;
                    return true;
                }

                firstError ??= $"the JSON at {Position(text, start)} is null";
            }
            catch (JsonException exception)
            {
                firstError ??= Describe(text, start, json, exception);
            }
        }

        error = firstError ?? "no usable JSON object in the answer";
        return false;
    }

    private static IEnumerable<(int Start, string Json)> FencedCandidates(string text)
    {
        foreach (var block in CodeBlockParser.Parse(text).Blocks)
        {
            var info = block.Info.Trim().ToLowerInvariant();
            var code = block.Code.Trim();
            if ((info.Length == 0 || info.StartsWith("json", StringComparison.Ordinal)) && code.StartsWith('{'))
            {
                yield return (block.StartOffset, code);
            }
        }
    }

    /// <summary>Each top-level {...} of the text, honouring strings and escapes; <paramref name="unclosedAt"/> is the start of an object that never closes.</summary>
    private static List<(int Start, string Json)> BalancedCandidates(string text, out int? unclosedAt)
    {
        var found = new List<(int, string)>();
        unclosedAt = null;
        var depth = 0;
        var start = -1;
        var inString = false;
        var escaped = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"' when depth > 0:
                    inString = true;
                    break;
                case '{':
                    if (depth == 0)
                    {
                        start = i;
                    }

                    depth++;
                    break;
                case '}' when depth > 0:
                    depth--;
                    if (depth == 0)
                    {
                        found.Add((start, text[start..(i + 1)]));
                    }

                    break;
            }
        }

        if (depth > 0)
        {
            unclosedAt = start;
        }

        return found;
    }

    private static string Describe(string text, int start, string json, JsonException exception)
    {
        // JsonException positions are relative to the candidate; report them relative to the whole answer.
        if (exception.LineNumber is { } line && exception.BytePositionInLine is { } column)
        {
            var offset = OffsetOf(json, (int)line, (int)column);
            return $"invalid JSON at {Position(text, start + offset)}: {FirstSentence(exception.Message)}";
        }

        return $"the JSON at {Position(text, start)} does not match the expected shape: {FirstSentence(exception.Message)}";
    }

    private static int OffsetOf(string json, int zeroBasedLine, int column)
    {
        var offset = 0;
        for (var line = 0; line < zeroBasedLine && offset < json.Length; line++)
        {
            var next = json.IndexOf('\n', offset);
            if (next < 0)
            {
                break;
            }

            offset = next + 1;
        }

        return Math.Min(offset + column, json.Length);
    }

    /// <summary>"line 3, column 14" (1-based) of an offset in the text.</summary>
    internal static string Position(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return $"line {line}, column {offset - lineStart + 1}";
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
