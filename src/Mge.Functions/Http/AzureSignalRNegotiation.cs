using Mge.Api.Http;
using Mge.Azure.SignalR;
using Microsoft.AspNetCore.Http;

namespace Mge.Functions.Http;

/// <summary>The Functions app's <see cref="IProgressNegotiator"/>: Azure SignalR Service's client URL and token, the user added to the run's group over REST.</summary>
public sealed class AzureSignalRNegotiation(SignalRNegotiator negotiator) : IProgressNegotiator
{
    public async Task<ProgressConnection> NegotiateAsync(HttpRequest request, string userId, string? runId, CancellationToken cancellationToken)
    {
        try
        {
            var info = await negotiator.NegotiateAsync(userId, runId, cancellationToken);
            return new ProgressConnection(info.Url, info.AccessToken);
        }
        catch (SignalRServiceException error)
        {
            throw new ProgressNegotiationException(
                $"Azure SignalR Service answered {(error.StatusCode is { } status ? (int)status : 0)} when joining the run's group.", error);
        }
    }
}
