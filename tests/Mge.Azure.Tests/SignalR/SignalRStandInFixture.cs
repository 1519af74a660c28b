using Microsoft.Extensions.Options;
using Mge.Azure.SignalR;
using StandInService = Mge.SignalRStandIn.SignalRStandIn;

namespace Mge.Azure.Tests.SignalR;

/// <summary>One SignalR stand-in per test class, with the adapter's clients pointed at it (hub "mge").</summary>
public sealed class SignalRStandInFixture : IAsyncLifetime
{
    public const string Hub = "mge";

    private readonly HttpClient _httpClient = new();

    public StandInService StandIn { get; private set; } = null!;

    public SignalRConnectionString ConnectionString { get; private set; } = null!;

    public SignalRAccessTokens Tokens { get; private set; } = null!;

    public SignalRRestClient Client { get; private set; } = null!;

    public SignalRNegotiator Negotiator { get; private set; } = null!;

    public SignalRProgressObserver Observer { get; private set; } = null!;

    public IOptions<SignalROptions> Options { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        StandIn = await StandInService.StartAsync(SignalRTestKeys.Key);
        ConnectionString = SignalRConnectionString.Parse(StandIn.ConnectionString);
        Tokens = new SignalRAccessTokens(ConnectionString);
        Client = CreateClient(SignalRRetryPolicy.Default with { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(20) });
        Options = Microsoft.Extensions.Options.Options.Create(new SignalROptions { ConnectionString = StandIn.ConnectionString, Hub = Hub });
        Negotiator = new SignalRNegotiator(Client, Tokens, Options);
        Observer = new SignalRProgressObserver(Client, Options);
    }

    public SignalRRestClient CreateClient(SignalRRetryPolicy retryPolicy, SignalRAccessTokens? tokens = null) =>
        new(_httpClient, tokens ?? Tokens, retryPolicy);

    public async Task DisposeAsync()
    {
        _httpClient.Dispose();
        if (StandIn is not null)
        {
            await StandIn.DisposeAsync();
        }
    }
}
