using Mge.Pipeline.Runs;
using System.Security.Cryptography;
using Mge.Pipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Mge.Api.Http;

/// <summary>
/// <c>POST /api/negotiate</c> {runId?} (anonymous, so browsers can call it): SignalR connection info for the caller
/// (the <c>x-ms-client-principal-id</c> principal, else a fresh anonymous id) and, with a run id, membership of that
/// run's progress group. It only hands out the caller's own session: a run started by a principal can only be
/// joined by that principal (403 otherwise); a run started without one is followed by whoever holds its id (run
/// ids are unguessable and only returned to key holders). 404 for an unknown run, 503 when SignalR is not configured.
/// </summary>
public sealed class NegotiateHandler(RunRepository repository, ILogger<NegotiateHandler> logger, IProgressNegotiator? negotiator = null)
{
    private const string Example = "{\"runId\"?: \"<id from POST /api/projects>\"}";

    public async Task<IActionResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (negotiator is null)
        {
            return ApiResponses.Problem(
                StatusCodes.Status503ServiceUnavailable,
                ProblemTypes.LiveProgressOff,
                "Live progress is not configured",
                "This deployment has no Azure SignalR Service (app setting Mge__SignalR__ConnectionString). Progress is still stored: poll GET /api/projects/{id}/events?after=N.");
        }

        var body = await JsonBodyReader.ReadAsync<NegotiateBody>(request, Example, allowEmpty: true, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var principal = CallerIdentity.PrincipalId(request);
        var userId = principal ?? "anonymous-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var runId = body.Value?.RunId;
        if (runId is not null)
        {
            if (!RunIds.IsWellFormed(runId))
            {
                return ApiResponses.RunNotFound(runId);
            }

            var run = await repository.GetRunAsync(runId, cancellationToken);
            if (run is null)
            {
                return ApiResponses.RunNotFound(runId);
            }

            if (CallerIdentity.IsOwnedByPrincipal(run.UserId) && run.UserId != principal)
            {
                return ApiResponses.Problem(
                    StatusCodes.Status403Forbidden,
                    ProblemTypes.Forbidden,
                    "Not your run",
                    $"Run '{runId}' belongs to another user; sign in as its owner to follow its progress.");
            }
        }

        ProgressConnection info;
        try
        {
            info = await negotiator.NegotiateAsync(request, userId, runId, cancellationToken);
        }
        catch (ProgressNegotiationException error)
        {
            logger.LogError(error, "Negotiate for run {RunId}: adding {UserId} to the run's group failed", runId, userId);
            return ApiResponses.Problem(
                StatusCodes.Status502BadGateway,
                ProblemTypes.UpstreamFailure,
                "SignalR Service did not accept the group membership",
                $"{error.Message} Try again, or poll GET /api/projects/{{id}}/events meanwhile.");
        }

        return ApiResponses.Json(new NegotiateResponse(info.Url, info.AccessToken, userId, principal is null, runId));
    }
}
