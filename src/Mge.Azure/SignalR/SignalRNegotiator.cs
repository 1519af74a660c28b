using Microsoft.Extensions.Options;

namespace Mge.Azure.SignalR;

/// <summary>
/// Serverless negotiate: gives a client the URL and token to connect to Azure SignalR Service as
/// <c>userId</c>, and, for a run, puts that user in the run's group first, so its connection (opened right after)
/// receives the run's progress events. Called by the Functions <c>POST /api/negotiate</c> endpoint.
/// </summary>
public sealed class SignalRNegotiator
{
    private readonly SignalRRestClient _client;
    private readonly SignalRAccessTokens _tokens;
    private readonly string _hub;

    public SignalRNegotiator(SignalRRestClient client, SignalRAccessTokens tokens, IOptions<SignalROptions> options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        _client = client;
        _tokens = tokens;
        _hub = options.Value.Hub;
    }

    /// <summary>The client URL for the configured hub: "{client endpoint}/client/?hub={hub}".</summary>
    public string ClientUrl => _tokens.ConnectionString.ClientUrl($"/client/?hub={Uri.EscapeDataString(_hub)}");

    /// <param name="userId">Who the client is (the token's <c>nameid</c>); the caller authenticates it.</param>
    /// <param name="runId">The run to follow, or null to connect without joining a run's group.</param>
    /// <exception cref="SignalRServiceException">Adding the user to the run's group failed.</exception>
    public async Task<SignalRConnectionInfo> NegotiateAsync(string userId, string? runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (runId is not null)
        {
            await _client.AddUserToGroupAsync(_hub, SignalRProgressObserver.GroupFor(runId), userId, cancellationToken).ConfigureAwait(false);
        }

        var url = ClientUrl;
        return new SignalRConnectionInfo(url, _tokens.Create(url, userId));
    }
}
