using Mge.Pipeline.Requests;
using Mge.Pipeline.Domain;
using Mge.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Mge.Api.Http;

/// <summary>
/// The HTTP edge of <see cref="RunLauncher"/>: reads the project type's name, hands the request to the launcher
/// (which checks it, stores it and schedules the run) and turns what it refuses into a 400 problem listing every
/// field. Behind <c>POST /api/projects</c> and a chat message that asks for a generation.
/// </summary>
public sealed class GenerationStarter(RunLauncher launcher, IRunManagementUrls managementUrls)
{
    /// <summary>An example body, for problem details.</summary>
    public static readonly string ExampleBody =
        $"{{\"request\": \"Create a FastAPI REST API for task management with users, tasks and comments\", \"projectType\"?: \"{ProjectTypeParser.Accepted}\", \"options\"?: {{\"concurrency\": 10, \"maxWaveSize\": 50, \"maxRepairAttempts\": 2, \"maxAtomRepairAttempts\": 2, \"atomBatchSize\": 25, \"budgetUsd\": 5}}}}";

    /// <param name="owner">The user the run belongs to (<see cref="CallerIdentity.RunOwner"/>).</param>
    public async Task<StartOutcome> StartAsync(StartGenerationBody body, string owner, DurableTaskClient client, HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);

        ProjectType? projectType = null;
        string? typeProblem = null;
        if (body.ProjectType is not null)
        {
            if (ProjectTypeParser.TryParse(body.ProjectType, out var parsed, out var typeError))
            {
                projectType = parsed;
            }
            else
            {
                typeProblem = typeError;
            }
        }

        var run = new RunRequest(body.Request, projectType, body.Options, owner);
        IReadOnlyDictionary<string, string> refused = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (typeProblem is null)
            {
                var runId = await launcher.LaunchAsync(run, client, cancellationToken);
                return new StartOutcome(managementUrls.For(client, request, runId), null);
            }

            // Report the request's and options' problems together with the type's.
            launcher.Check(run);
        }
        catch (RunRequestException problem)
        {
            refused = problem.Problems;
        }

        // In field order: the request, its type, then the options.
        var problems = refused.Where(p => p.Key == "request")
            .Concat(typeProblem is null ? [] : [KeyValuePair.Create("projectType", typeProblem)])
            .Concat(refused.Where(p => p.Key != "request"))
            .ToList();
        return Refused(problems);
    }

    private static StartOutcome Refused(List<KeyValuePair<string, string>> problems)
    {
        var (title, type) = problems[0].Key switch
        {
            "request" => ("The request cannot be generated", ProblemTypes.InvalidRequest),
            "projectType" => ("Unknown project type", ProblemTypes.UnknownProjectType),
            _ => ("Invalid options", ProblemTypes.InvalidOptions),
        };
        var errors = problems.ToDictionary(p => p.Key, p => new[] { p.Value }, StringComparer.Ordinal);
        var detail = string.Join(" ", errors.SelectMany(e => e.Value));
        return new StartOutcome(null, ApiResponses.Problem(StatusCodes.Status400BadRequest, type, title, detail, errors));
    }
}
