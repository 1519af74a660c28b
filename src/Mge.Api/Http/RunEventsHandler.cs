using Mge.Pipeline.Runs;
using System.Globalization;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mge.Api.Http;

/// <summary>
/// <c>GET /api/projects/{id}/events?after=N&amp;limit=M</c>: catch-up for clients that connect late or poll. Events
/// are stored once per key (a re-run activity overwrites, keeping the first sequence), so a client that passes
/// back <c>next</c> sees each event once, in publication order. 404 for an unknown run, 400 for a bad cursor.
/// </summary>
public sealed class RunEventsHandler(RunRepository repository)
{
    public const int DefaultLimit = 500;

    public async Task<IActionResult> HandleAsync(HttpRequest request, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!RunIds.IsWellFormed(runId))
        {
            return ApiResponses.RunNotFound(runId);
        }

        if (ReadLong(request, "after", 0, 0, long.MaxValue, out var after) is { } afterProblem)
        {
            return afterProblem;
        }

        if (ReadLong(request, "limit", DefaultLimit, 1, ProgressCatchUp.MaxPageSize, out var limit) is { } limitProblem)
        {
            return limitProblem;
        }

        if (await repository.GetRunAsync(runId, cancellationToken) is null)
        {
            return ApiResponses.RunNotFound(runId);
        }

        var events = await repository.ListEventsAsync(runId, cancellationToken);
        var page = ProgressCatchUp.After(events, after, (int)limit);
        return ApiResponses.Json(new RunEventsPage(runId, page.Events, page.Next, page.More));
    }

    private static JsonResult? ReadLong(HttpRequest request, string name, long fallback, long min, long max, out long value)
    {
        value = fallback;
        var raw = request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return null;
        }

        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max)
        {
            return null;
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"'{name}' must be a whole number from {min} to {max}; it is '{raw}'.");
        return ApiResponses.Problem(
            StatusCodes.Status400BadRequest,
            ProblemTypes.InvalidParameter,
            $"Invalid '{name}'",
            message + (name == "after" ? " Pass the 'next' value of the previous answer, or 0 for all events." : string.Empty),
            new Dictionary<string, string[]> { [name] = [message] });
    }
}
