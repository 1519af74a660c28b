using System.Text;
using Mge.Functions.Http;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Runs;
using Mge.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Mge.Functions.Tests;

public sealed class StartGenerationFunctionTests : IDisposable
{
    private readonly ServiceProvider services = FunctionsTestServices.Create();
    private readonly Mock<DurableTaskClient> client = new("test-hub");
    private readonly List<(TaskName Name, object? Input, StartOrchestrationOptions? Options)> scheduled = [];

    public StartGenerationFunctionTests()
    {
        client
            .Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((name, input, options, _) => scheduled.Add((name, input, options)))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options!.InstanceId!);
    }

    public void Dispose() => services.Dispose();

    [Fact]
    public async Task A_valid_request_is_stored_scheduled_under_the_run_id_and_answered_with_202()
    {
        var result = await StartAsync("""{"request": "Create a FastAPI REST API for task management with users, tasks and comments"}""");

        var accepted = Assert.IsType<AcceptedResult>(result);
        var payload = Assert.IsType<GenerationAccepted>(accepted.Value);
        var (name, input, options) = Assert.Single(scheduled);
        Assert.Equal(WorkflowNames.GenerationOrchestrator, name.Name);
        var generation = Assert.IsType<GenerationInput>(input);
        Assert.Equal(payload.RunId, generation.RunId);
        Assert.Equal(payload.RunId, options?.InstanceId);
        Assert.Equal(payload.RunId, payload.Id);

        Assert.Equal($"https://mge.example/api/projects/{payload.RunId}", accepted.Location);
        Assert.Equal($"https://mge.example/runtime/webhooks/durabletask/instances/{payload.RunId}", payload.StatusQueryGetUri);
        Assert.EndsWith("/raiseEvent/{eventName}", payload.SendEventPostUri);
        Assert.EndsWith("/terminate?reason={text}", payload.TerminatePostUri);

        var request = await services.GetRequiredService<RunJournal>().GetRequestAsync(payload.RunId);
        Assert.Equal("Create a FastAPI REST API for task management with users, tasks and comments", request.Request);
        Assert.Equal(generation.Options, request.Options);
    }

    [Fact]
    public async Task Project_type_and_option_overrides_reach_the_orchestration_input()
    {
        var result = await StartAsync("""{"request": "A Django blog with posts and comments", "projectType": "django", "options": {"concurrency": 3, "atomBatchSize": 10}}""");

        Assert.IsType<AcceptedResult>(result);
        var input = Assert.IsType<GenerationInput>(Assert.Single(scheduled).Input);
        Assert.Equal(ProjectType.Django, input.Options.ProjectType);
        Assert.Equal(3, input.Options.Concurrency);
        Assert.Equal(10, input.Options.AtomBatchSize);
        Assert.Equal(new GenerationOptions().MaxWaveSize, input.Options.MaxWaveSize);
    }

    [Theory]
    [InlineData("""{"request": ""}""", "The request cannot be generated")]
    [InlineData("""{"request": "   \n\t "}""", "The request cannot be generated")]
    [InlineData("""{"projectType": "fastapi"}""", "The request cannot be generated")]
    [InlineData("""{"request": "An API", "projectType": "rails"}""", "Unknown project type")]
    [InlineData("""{"request": "An API", "options": {"concurrency": 0}}""", "Invalid options")]
    [InlineData("""{"request": "An API", """, "The body is not valid JSON")]
    [InlineData("null", "The body is empty")]
    public async Task Bad_requests_get_400_problem_json_and_nothing_is_scheduled(string body, string title)
    {
        var result = await StartAsync(body);

        var problem = AssertProblem(result);
        Assert.Equal(title, problem.Title);
        Assert.False(string.IsNullOrWhiteSpace(problem.Detail));
        Assert.Empty(scheduled);
    }

    [Fact]
    public async Task A_request_over_the_length_limit_is_refused_with_the_limit_in_the_message()
    {
        var result = await StartAsync($$"""{"request": "{{new string('x', 20_001)}}"}""");

        var problem = AssertProblem(result);
        Assert.Contains("20,000", problem.Detail);
        Assert.Empty(scheduled);
    }

    [Fact]
    public async Task Run_status_is_404_for_an_unknown_run_and_200_once_started()
    {
        var status = ActivatorUtilities.CreateInstance<GetRunStatusFunction>(services);

        var missing = await status.RunAsync(new DefaultHttpContext().Request, "no-such-run", CancellationToken.None);
        Assert.IsType<NotFoundObjectResult>(missing);

        var started = (GenerationAccepted)((AcceptedResult)await StartAsync("""{"request": "An Express API for notes"}""")).Value!;
        var found = Assert.IsType<OkObjectResult>(await status.RunAsync(new DefaultHttpContext().Request, started.RunId, CancellationToken.None));
        var run = Assert.IsType<RunStatus>(found.Value);
        Assert.Equal(started.RunId, run.RunId);
        Assert.Equal(RunStates.Running, run.Status);
    }

    private static ProblemDetails AssertProblem(IActionResult result)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(StatusCodes.Status400BadRequest, objectResult.StatusCode);
        Assert.Contains("application/problem+json", objectResult.ContentTypes);
        var problem = Assert.IsType<ProblemDetails>(objectResult.Value);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.Status);
        return problem;
    }

    private async Task<IActionResult> StartAsync(string json)
    {
        var function = ActivatorUtilities.CreateInstance<StartGenerationFunction>(services);
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("mge.example");
        context.Request.Path = "/api/projects";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return await function.RunAsync(context.Request, client.Object, CancellationToken.None);
    }
}
