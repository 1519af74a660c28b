using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;

namespace Mge.Api.Http;

/// <summary>
/// <c>POST /api/projects</c> {request, projectType?, options?}: starts a generation (<see cref="GenerationStarter"/>)
/// and answers 202 with the run id, the management URLs and the run's links (Location: its status URL);
/// 400 problem+json for malformed JSON, an empty or oversized request, an unknown project type or invalid
/// options; 413 for a body over 1 MiB.
/// </summary>
public sealed class StartGenerationHandler(GenerationStarter starter)
{
    public async Task<IActionResult> HandleAsync(HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);

        var body = await JsonBodyReader.ReadAsync<StartGenerationBody>(request, GenerationStarter.ExampleBody, allowEmpty: false, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var outcome = await starter.StartAsync(body.Value!, CallerIdentity.RunOwner(request), client, request, cancellationToken);
        if (outcome.Problem is not null)
        {
            return outcome.Problem;
        }

        request.HttpContext.Response.Headers.Location = outcome.Accepted!.Links.Status;
        return ApiResponses.Json(outcome.Accepted, StatusCodes.Status202Accepted);
    }
}
