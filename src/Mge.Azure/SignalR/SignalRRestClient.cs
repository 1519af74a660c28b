using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mge.Azure.SignalR;

/// <summary>
/// Azure SignalR Service's data-plane REST API (v1) for serverless hubs: send to a group, a user or a connection,
/// and manage group membership of users and connections. Each request carries a fresh HS256 token whose audience
/// is the request URL. 429 and 5xx answers (and no answer at all) are retried per <see cref="SignalRRetryPolicy"/>;
/// every failure surfaces as <see cref="SignalRServiceException"/>. Takes its <see cref="HttpClient"/> from the
/// caller (IHttpClientFactory: the named client <see cref="HttpClientName"/>); thread-safe and long-lived.
/// </summary>
public sealed class SignalRRestClient
{
    /// <summary>The IHttpClientFactory name <c>AddMgeSignalR</c> configures for this client.</summary>
    public const string HttpClientName = "Mge.SignalR";

    /// <summary>The service's limit on group names.</summary>
    public const int MaxGroupNameLength = 1024;

    private const int MaxServiceMessageLength = 2000;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    // Web defaults: camelCase, like SignalR's JSON hub protocol, so a record argument reads the same on the client.
    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    private readonly HttpClient _httpClient;
    private readonly SignalRAccessTokens _tokens;
    private readonly SignalRRetryPolicy _retryPolicy;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public SignalRRestClient(
        HttpClient httpClient,
        SignalRAccessTokens tokens,
        SignalRRetryPolicy? retryPolicy = null,
        ILogger<SignalRRestClient>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(tokens);
        _httpClient = httpClient;
        _tokens = tokens;
        _retryPolicy = retryPolicy ?? SignalRRetryPolicy.Default;
        _retryPolicy.Validate();
        _logger = logger ?? NullLogger<SignalRRestClient>.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Invokes <paramref name="target"/> with <paramref name="arguments"/> on every connection in the group.</summary>
    public Task SendToGroupAsync(string hub, string group, string target, object?[] arguments, CancellationToken cancellationToken = default) =>
        SendMessageAsync($"{HubPath(hub)}/groups/{Segment(ValidGroup(group))}", target, arguments, cancellationToken);

    /// <summary>Invokes <paramref name="target"/> on every connection of the user (the <c>nameid</c> of its token).</summary>
    public Task SendToUserAsync(string hub, string userId, string target, object?[] arguments, CancellationToken cancellationToken = default) =>
        SendMessageAsync($"{HubPath(hub)}/users/{Segment(ValidId(userId, nameof(userId)))}", target, arguments, cancellationToken);

    /// <summary>Invokes <paramref name="target"/> on one connection.</summary>
    public Task SendToConnectionAsync(string hub, string connectionId, string target, object?[] arguments, CancellationToken cancellationToken = default) =>
        SendMessageAsync($"{HubPath(hub)}/connections/{Segment(ValidId(connectionId, nameof(connectionId)))}", target, arguments, cancellationToken);

    /// <summary>
    /// Puts the user in the group: the service applies it to the user's current connections and to the ones the
    /// user opens later.
    /// </summary>
    public Task AddUserToGroupAsync(string hub, string group, string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, UserInGroupPath(hub, group, userId), body: null, cancellationToken);

    /// <summary>Takes the user out of the group (all of its connections).</summary>
    public Task RemoveUserFromGroupAsync(string hub, string group, string userId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, UserInGroupPath(hub, group, userId), body: null, cancellationToken);

    /// <summary>Puts one connection in the group.</summary>
    public Task AddConnectionToGroupAsync(string hub, string group, string connectionId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, ConnectionInGroupPath(hub, group, connectionId), body: null, cancellationToken);

    /// <summary>Takes one connection out of the group.</summary>
    public Task RemoveConnectionFromGroupAsync(string hub, string group, string connectionId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, ConnectionInGroupPath(hub, group, connectionId), body: null, cancellationToken);

    private static string UserInGroupPath(string hub, string group, string userId) =>
        $"{HubPath(hub)}/groups/{Segment(ValidGroup(group))}/users/{Segment(ValidId(userId, nameof(userId)))}";

    private static string ConnectionInGroupPath(string hub, string group, string connectionId) =>
        $"{HubPath(hub)}/groups/{Segment(ValidGroup(group))}/connections/{Segment(ValidId(connectionId, nameof(connectionId)))}";

    private Task SendMessageAsync(string path, string target, object?[] arguments, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(arguments);
        var body = JsonSerializer.SerializeToUtf8Bytes(new PayloadMessage(target, arguments), PayloadJson);
        return SendAsync(HttpMethod.Post, path, body, cancellationToken);
    }

    private async Task SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        var url = new Uri(_tokens.ConnectionString.ServiceUrl(path));
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var request = new HttpRequestMessage(method, url);
            // A fresh token per attempt: a retry after a long Retry-After must not carry an expired one.
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.CreateForRequest(url));
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonContentType;
            }

            HttpResponseMessage response;
            try
            {
                response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsUnanswered(exception, cancellationToken))
            {
                if (attempt > _retryPolicy.MaxRetries)
                {
                    throw new SignalRServiceException(method.Method, path, statusCode: null, serviceMessage: null, attempt, exception);
                }

                await WaitBeforeRetryAsync(method, path, attempt, status: null, retryAfter: null, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var serviceMessage = await ReadServiceMessageAsync(response, cancellationToken).ConfigureAwait(false);
                if (!IsTransient(response.StatusCode) || attempt > _retryPolicy.MaxRetries)
                {
                    throw new SignalRServiceException(method.Method, path, response.StatusCode, serviceMessage, attempt);
                }

                await WaitBeforeRetryAsync(method, path, attempt, response.StatusCode, RetryAfter(response), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitBeforeRetryAsync(HttpMethod method, string path, int attempt, HttpStatusCode? status, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        var delay = _retryPolicy.DelayBefore(attempt, retryAfter);
        _logger.LogWarning(
            "Azure SignalR Service {Method} {Path} {Outcome}; retry {Retry} of {MaxRetries} in {DelayMs} ms",
            method.Method, path, status is { } s ? $"answered {(int)s}" : "did not answer", attempt, _retryPolicy.MaxRetries, (int)delay.TotalMilliseconds);
        await Task.Delay(delay, _timeProvider, cancellationToken).ConfigureAwait(false);
    }

    // No answer: a transport failure, or HttpClient's own timeout (a cancellation the caller did not ask for).
    private static bool IsUnanswered(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout || (int)status >= 500;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - _timeProvider.GetUtcNow() : null;
    }

    private static async Task<string?> ReadServiceMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text[0] == '{')
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.NameEquals("message") || property.NameEquals("Message"))
                    {
                        if (property.Value.ValueKind == JsonValueKind.String)
                        {
                            return property.Value.GetString();
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: the raw text below is the message.
            }
        }

        return text.Length <= MaxServiceMessageLength ? text : text[..MaxServiceMessageLength] + "...";
    }

    private static string HubPath(string hub)
    {
        if (!SignalROptions.IsValidHubName(hub))
        {
            throw new ArgumentException(
                $"'{hub}' is not a SignalR hub name: it must start with a letter and contain only letters, digits or '_'.", nameof(hub));
        }

        return $"/api/v1/hubs/{hub}";
    }

    private static string ValidGroup(string group)
    {
        ArgumentException.ThrowIfNullOrEmpty(group);
        if (group.Length > MaxGroupNameLength)
        {
            throw new ArgumentException($"A SignalR group name is at most {MaxGroupNameLength} characters (this one has {group.Length}).", nameof(group));
        }

        return group;
    }

    private static string ValidId(string id, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        return id;
    }

    private static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary>The REST API's message body: the client method to invoke and its arguments.</summary>
    private sealed record PayloadMessage(
        [property: JsonPropertyName("target")] string Target,
        [property: JsonPropertyName("arguments")] object?[] Arguments);
}
