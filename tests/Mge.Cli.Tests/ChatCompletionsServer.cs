using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Mge.Models.Offline;
using Mge.Testing;
using Microsoft.Extensions.AI;

namespace Mge.Cli.Tests;

/// <summary>
/// A local OpenAI-compatible chat completions server (HttpListener on 127.0.0.1, a free port) whose answers come
/// from an <see cref="OfflineChatClient"/>, so a whole <c>mge generate</c> run can go through a real provider SDK and
/// the real wire format without a network. Routes: POST /v1/chat/completions (OpenAI) and POST
/// /openai/deployments/{deployment}/chat/completions?api-version=... (Azure OpenAI). Answers are a chat.completion
/// JSON object, or with "stream": true server-sent events (chat.completion.chunk objects, a usage-only chunk when
/// stream_options.include_usage is set, then <c>data: [DONE]</c>); usage carries prompt_tokens_details.cached_tokens
/// and the requested model is echoed. Every request is kept (<see cref="Requests"/>) with what was answered.
/// </summary>
internal sealed partial class ChatCompletionsServer : IAsyncDisposable
{
    private const int StreamChunkLength = 48;

    private readonly OfflineChatClient _model;
    private readonly Func<int, ScriptedFailure?> _failureFor;
    private readonly LoopbackHttpServer _host;
    private readonly ConcurrentQueue<ChatCompletionRequest> _requests = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _received;

    /// <param name="model">Answers every completion.</param>
    /// <param name="failureFor">For the n-th request (0-based, in arrival order): an error to answer instead, or null.</param>
    public ChatCompletionsServer(OfflineChatClient model, Func<int, ScriptedFailure?>? failureFor = null)
    {
        _model = model;
        _failureFor = failureFor ?? (_ => null);
        _host = new LoopbackHttpServer((context, _) => ServeAsync(context));
    }

    /// <summary>http://127.0.0.1:PORT/</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The OpenAI base URL including the version segment: http://127.0.0.1:PORT/v1</summary>
    public string OpenAIEndpoint => new Uri(BaseAddress, "v1").ToString();

    /// <summary>Every request received, in completion order.</summary>
    public IReadOnlyList<ChatCompletionRequest> Requests => _requests.ToArray();

    /// <summary>Requests the server could not serve (unknown route, unreadable body): each is a test failure.</summary>
    public IReadOnlyList<string> Problems => _problems.ToArray();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task ServeAsync(HttpListenerContext context)
    {
        var receivedAfter = _clock.Elapsed;
        var request = context.Request;
        var response = context.Response;
        try
        {
            var target = request.Url!.PathAndQuery;
            var route = Route(request);
            if (route.Error is { } routeError)
            {
                _problems.Enqueue($"{request.HttpMethod} {target}: {routeError.Message}");
                Record(receivedAfter, request, null, false, false, routeError.Status, null);
                await WriteErrorAsync(response, routeError);
                return;
            }

            JsonNode body;
            using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
            {
                body = JsonNode.Parse(await reader.ReadToEndAsync(_host.Stopping))
                    ?? throw new JsonException("the body is JSON null");
            }

            var model = body["model"]?.GetValue<string>() ?? route.Deployment;
            var stream = body["stream"]?.GetValue<bool>() ?? false;
            var includeUsage = body["stream_options"]?["include_usage"]?.GetValue<bool>() ?? false;

            if (_failureFor(Interlocked.Increment(ref _received) - 1) is { } failure)
            {
                Record(receivedAfter, request, model, stream, includeUsage, failure.Status, null);
                await WriteErrorAsync(response, failure);
                return;
            }

            var answer = await _model.GetResponseAsync(ReadMessages(body), cancellationToken: _host.Stopping);
            var usage = answer.Usage ?? throw new InvalidOperationException("the offline model reported no usage");
            var completion = new Completion(
                $"chatcmpl-{Guid.NewGuid():N}",
                DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                model ?? OfflineChatClient.ModelName,
                answer.Text,
                answer.FinishReason == ChatFinishReason.Length ? "length" : "stop",
                UsageJson(usage),
                Azure: route.Deployment is not null);

            // Recorded before the answer is written: once the client has the last byte it may count requests.
            Record(receivedAfter, request, model, stream, includeUsage, 200, usage);
            if (stream)
            {
                await WriteEventStreamAsync(response, completion, includeUsage);
            }
            else
            {
                await WriteJsonAsync(response, 200, CompletionJson(completion));
            }
        }
        catch (JsonException exception)
        {
            _problems.Enqueue($"{request.HttpMethod} {request.Url!.PathAndQuery}: unreadable body: {exception.Message}");
            await WriteErrorAsync(response, new ScriptedFailure(400, "invalid_request_error", "invalid_body", exception.Message));
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client gave up on this request (attempt timeout, cancellation) or the server is stopping.
            response.Abort();
        }
    }

    /// <summary>The deployment of an Azure route (null for the OpenAI route), or the error an unknown route gets.</summary>
    private static (string? Deployment, ScriptedFailure? Error) Route(HttpListenerRequest request)
    {
        if (request.HttpMethod != "POST")
        {
            return (null, new ScriptedFailure(405, "invalid_request_error", "method_not_allowed", $"{request.HttpMethod} is not supported; use POST."));
        }

        var path = request.Url!.AbsolutePath;
        if (path == "/v1/chat/completions")
        {
            return (null, null);
        }

        var azure = AzureRoute().Match(path);
        if (!azure.Success)
        {
            return (null, new ScriptedFailure(404, "invalid_request_error", "unknown_url", $"Unrecognized request URL (POST {path})."));
        }

        if (string.IsNullOrEmpty(request.QueryString["api-version"]))
        {
            // Azure OpenAI refuses a call without api-version the same way.
            return (null, new ScriptedFailure(404, "invalid_request_error", "404", "Resource not found (api-version missing)."));
        }

        return (Uri.UnescapeDataString(azure.Groups["deployment"].Value), null);
    }

    [GeneratedRegex("^/openai/deployments/(?<deployment>[^/]+)/chat/completions$")]
    private static partial Regex AzureRoute();

    /// <summary>The body's messages as chat messages; content is a string or an array of text parts.</summary>
    private static List<ChatMessage> ReadMessages(JsonNode body)
    {
        var messages = body["messages"] as JsonArray ?? throw new JsonException("'messages' is missing or not an array");
        var result = new List<ChatMessage>(messages.Count);
        foreach (var message in messages)
        {
            var role = message?["role"]?.GetValue<string>() ?? throw new JsonException("a message has no role");
            var content = message["content"] switch
            {
                JsonValue text => text.GetValue<string>(),
                JsonArray parts => string.Concat(parts.Select(p => p?["type"]?.GetValue<string>() == "text"
                    ? p["text"]?.GetValue<string>()
                    : throw new JsonException($"content part type '{p?["type"]}' is not text"))),
                null => string.Empty,
                var other => throw new JsonException($"content of a {role} message is {other.GetValueKind()}"),
            };
            result.Add(new ChatMessage(role switch
            {
                "system" or "developer" => ChatRole.System,
                "user" => ChatRole.User,
                "assistant" => ChatRole.Assistant,
                "tool" => ChatRole.Tool,
                _ => throw new JsonException($"unknown role '{role}'"),
            }, content));
        }

        return result;
    }

    private void Record(TimeSpan receivedAfter, HttpListenerRequest request, string? model, bool stream, bool includeUsage, int status, UsageDetails? usage) =>
        _requests.Enqueue(new ChatCompletionRequest(
            receivedAfter,
            request.Url!.PathAndQuery,
            request.Headers["Authorization"],
            request.Headers["api-key"],
            model,
            stream,
            includeUsage,
            status,
            usage?.InputTokenCount ?? 0,
            usage?.OutputTokenCount ?? 0,
            usage?.CachedInputTokenCount ?? 0));

    private static JsonObject UsageJson(UsageDetails usage)
    {
        var prompt = usage.InputTokenCount ?? 0;
        var completion = usage.OutputTokenCount ?? 0;
        return new JsonObject
        {
            ["prompt_tokens"] = prompt,
            ["completion_tokens"] = completion,
            ["total_tokens"] = prompt + completion,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = usage.CachedInputTokenCount ?? 0, ["audio_tokens"] = 0 },
            ["completion_tokens_details"] = new JsonObject
            {
                ["reasoning_tokens"] = 0,
                ["audio_tokens"] = 0,
                ["accepted_prediction_tokens"] = 0,
                ["rejected_prediction_tokens"] = 0,
            },
        };
    }

    private static JsonObject CompletionJson(Completion completion)
    {
        var json = new JsonObject
        {
            ["id"] = completion.Id,
            ["object"] = "chat.completion",
            ["created"] = completion.Created,
            ["model"] = completion.Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = completion.Text, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = completion.FinishReason,
            }),
            ["usage"] = completion.Usage.DeepClone(),
            ["system_fingerprint"] = "fp_mge_local",
        };
        if (completion.Azure)
        {
            json["prompt_filter_results"] = PromptFilterResults();
            json["choices"]![0]!["content_filter_results"] = FilterResults();
        }

        return json;
    }

    /// <summary>Azure's verdict per category, all "safe", as it annotates every prompt and answer.</summary>
    private static JsonObject FilterResults()
    {
        var results = new JsonObject();
        foreach (var category in new[] { "hate", "self_harm", "sexual", "violence" })
        {
            results[category] = new JsonObject { ["filtered"] = false, ["severity"] = "safe" };
        }

        return results;
    }

    private static JsonArray PromptFilterResults() =>
        new(new JsonObject { ["prompt_index"] = 0, ["content_filter_results"] = FilterResults() });

    private static JsonObject ChunkJson(Completion completion, JsonObject? delta, string? finishReason, bool includeUsage, JsonObject? usage)
    {
        var chunk = new JsonObject
        {
            ["id"] = completion.Id,
            ["object"] = "chat.completion.chunk",
            ["created"] = completion.Created,
            ["model"] = completion.Model,
            ["system_fingerprint"] = "fp_mge_local",
            ["choices"] = delta is null
                ? new JsonArray()
                : new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason }),
        };
        if (includeUsage)
        {
            // With include_usage every chunk carries "usage": null, and one last chunk without choices carries the totals.
            chunk["usage"] = usage?.DeepClone();
        }

        return chunk;
    }

    private static async Task WriteEventStreamAsync(HttpListenerResponse response, Completion completion, bool includeUsage)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.AddHeader("Cache-Control", "no-cache");
        response.SendChunked = true;

        async Task SendAsync(string data)
        {
            var bytes = Encoding.UTF8.GetBytes($"data: {data}\n\n");
            await response.OutputStream.WriteAsync(bytes);
            await response.OutputStream.FlushAsync();
        }

        if (completion.Azure)
        {
            // Azure opens every stream with the prompt's filter verdict: a chunk with no choices and empty id, model and object.
            await SendAsync(new JsonObject
            {
                ["choices"] = new JsonArray(),
                ["created"] = 0,
                ["id"] = "",
                ["model"] = "",
                ["object"] = "",
                ["prompt_filter_results"] = PromptFilterResults(),
            }.ToJsonString());
        }

        await SendAsync(ChunkJson(completion, new JsonObject { ["role"] = "assistant", ["content"] = "", ["refusal"] = null }, null, includeUsage, null).ToJsonString());
        for (var start = 0; start < completion.Text.Length; start += StreamChunkLength)
        {
            var piece = completion.Text.Substring(start, Math.Min(StreamChunkLength, completion.Text.Length - start));
            await SendAsync(ChunkJson(completion, new JsonObject { ["content"] = piece }, null, includeUsage, null).ToJsonString());
        }

        await SendAsync(ChunkJson(completion, new JsonObject(), completion.FinishReason, includeUsage, null).ToJsonString());
        if (includeUsage)
        {
            await SendAsync(ChunkJson(completion, null, null, includeUsage: true, completion.Usage).ToJsonString());
        }

        await SendAsync("[DONE]");
        response.Close();
    }

    private static Task WriteErrorAsync(HttpListenerResponse response, ScriptedFailure failure)
    {
        if (failure.RetryAfterSeconds is { } seconds)
        {
            response.AddHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
        }

        return WriteJsonAsync(response, failure.Status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = failure.Message,
                ["type"] = failure.Type,
                ["param"] = null,
                ["code"] = failure.Code,
            },
        });
    }

    private static async Task WriteJsonAsync(HttpListenerResponse response, int status, JsonObject json)
    {
        var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <summary>One answer, shared by the JSON and the event-stream encodings.</summary>
    /// <param name="Azure">Answered on the Azure route: Azure's content-filter annotations are added as Azure sends them.</param>
    private sealed record Completion(string Id, long Created, string Model, string Text, string FinishReason, JsonObject Usage, bool Azure);
}
