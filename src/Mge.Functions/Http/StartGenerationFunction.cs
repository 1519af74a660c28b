using System.Text.Json;
using Mge.Pipeline;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Requests;
using Mge.Pipeline.Runs;
using Mge.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mge.Functions.Http;

/// <summary>
/// <c>POST /api/projects</c>: validates a generation request, stores it in the run journal and schedules the
/// generation orchestration with the run id as its instance id; answers 202 with the run id and status URLs,
/// or 400 with problem JSON saying what is wrong with the request.
/// </summary>
public sealed class StartGenerationFunction(
    RunJournal journal,
    GenerationRequestValidator validator,
    IOptions<PipelineOptions> pipelineOptions,
    TimeProvider time,
    ILogger<StartGenerationFunction> logger)
{
    private static readonly JsonSerializerOptions BodyJson = new(JsonSerializerDefaults.Web);

    [Function("StartGeneration")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "projects")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);

        StartGenerationBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<StartGenerationBody>(request.Body, BodyJson, cancellationToken);
        }
        catch (JsonException error)
        {
            return Problem("The body is not valid JSON", $"Send {{\"request\": \"...\", \"projectType\"?: \"{ProjectTypeParser.Accepted}\", \"options\"?: {{...}}}}. {error.Message}");
        }

        if (body is null)
        {
            return Problem("The body is empty", "Send {\"request\": \"Create a FastAPI REST API for task management with users, tasks and comments\"}.");
        }

        if (validator.Problem(body.Request) is { } requestProblem)
        {
            return Problem("The request cannot be generated", requestProblem);
        }

        ProjectType? projectType = null;
        if (!string.IsNullOrWhiteSpace(body.ProjectType))
        {
            if (!ProjectTypeParser.TryParse(body.ProjectType, out var parsed, out var typeError))
            {
                return Problem("Unknown project type", typeError);
            }

            projectType = parsed;
        }

        var options = Apply(pipelineOptions.Value.DefaultGenerationOptions(projectType), body.Options);
        var runId = NewRunId();
        var input = new GenerationInput(runId, options);
        if (input.OptionsProblem() is { } optionsProblem)
        {
            return Problem("Invalid options", optionsProblem);
        }

        await journal.CreateAsync(new GenerationRequest(runId, body.Request!, options, time.GetUtcNow()), cancellationToken);
        await client.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(WorkflowNames.GenerationOrchestrator), input, new StartOrchestrationOptions(runId), cancellationToken);
        logger.LogInformation("Run {RunId} scheduled", runId);

        var accepted = ManagementUrls.For(client, request, runId);
        return new AcceptedResult(accepted.StatusUri, accepted);
    }

    private static GenerationOptions Apply(GenerationOptions defaults, GenerationOptionOverrides? overrides) => overrides is null
        ? defaults
        : defaults with
        {
            Concurrency = overrides.Concurrency ?? defaults.Concurrency,
            MaxWaveSize = overrides.MaxWaveSize ?? defaults.MaxWaveSize,
            MaxRepairAttempts = overrides.MaxRepairAttempts ?? defaults.MaxRepairAttempts,
            MaxAtomRepairAttempts = overrides.MaxAtomRepairAttempts ?? defaults.MaxAtomRepairAttempts,
            AtomBatchSize = overrides.AtomBatchSize ?? defaults.AtomBatchSize,
        };

    /// <summary>Sortable by creation time, unique by its random tail; also a valid orchestration instance id and storage key.</summary>
    private string NewRunId() =>
        $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..12]}";

    private static ObjectResult Problem(string title, string detail)
    {
        var problem = new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = title, Detail = detail };
        var result = new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest };
        result.ContentTypes.Add("application/problem+json");
        return result;
    }
}
