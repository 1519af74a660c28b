using System.Text.Json;
using Mge.Api.Http;
using Mge.Functions.Http;
using Mge.Functions.Tests.Support;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Testing;
using Mge.Workflow;

namespace Mge.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class StartGenerationFunctionTests(AzuriteFixture azurite) : IDisposable
{
    private readonly FunctionsApp app = FunctionsApp.Create(azurite.ConnectionString);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_valid_request_is_stored_scheduled_under_the_run_id_and_answered_with_202()
    {
        var response = await StartAsync("""{"request": "Create a FastAPI REST API for task management with users, tasks and comments"}""",
            new Dictionary<string, string> { [CallerIdentity.PrincipalHeader] = "user-42" });

        Assert.Equal(202, response.Status);
        var body = response.Json();
        var id = body.GetProperty("id").GetString()!;
        var scheduled = Assert.Single(app.Scheduled);
        Assert.Equal(WorkflowRegistration.OrchestratorName, scheduled.Orchestrator);
        Assert.Equal(id, scheduled.InstanceId);
        Assert.Equal(id, scheduled.Input.RunId);

        Assert.Equal($"https://mge.example/api/projects/{id}", response.Headers.Location.ToString());
        Assert.Equal($"https://mge.example/runtime/webhooks/durabletask/instances/{id}", body.GetProperty("statusQueryGetUri").GetString());
        Assert.EndsWith("/raiseEvent/{eventName}", body.GetProperty("sendEventPostUri").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/terminate?reason={text}", body.GetProperty("terminatePostUri").GetString(), StringComparison.Ordinal);
        var links = body.GetProperty("links");
        Assert.Equal($"https://mge.example/api/projects/{id}", links.GetProperty("status").GetString());
        Assert.Equal($"https://mge.example/api/projects/{id}/events", links.GetProperty("events").GetString());
        Assert.Equal($"https://mge.example/api/projects/{id}/workspace", links.GetProperty("workspace").GetString());
        Assert.Equal("https://mge.example/api/negotiate", links.GetProperty("negotiate").GetString());

        // Stored in Table Storage (Azurite) before scheduling, with the caller as owner.
        var run = await app.Service<RunRepository>().GetRunAsync(id);
        Assert.NotNull(run);
        Assert.Equal("Create a FastAPI REST API for task management with users, tasks and comments", run.Request);
        Assert.Equal(scheduled.Input.Options, run.Options);
        Assert.Equal("user-42", run.UserId);
        Assert.Equal(RunStates.Running, run.Status);
    }

    [Fact]
    public async Task Project_type_and_option_overrides_reach_the_orchestration_input()
    {
        var response = await StartAsync("""{"request": "A Django blog with posts and comments", "projectType": "django", "options": {"concurrency": 3, "atomBatchSize": 10}}""");

        Assert.Equal(202, response.Status);
        var input = Assert.Single(app.Scheduled).Input;
        Assert.Equal(ProjectType.Django, input.Options.ProjectType);
        Assert.Equal(3, input.Options.Concurrency);
        Assert.Equal(10, input.Options.AtomBatchSize);
        Assert.Equal(new GenerationOptions().MaxWaveSize, input.Options.MaxWaveSize);
    }

    [Theory]
    [InlineData("""{"request": "An API", """, "urn:mge:problem:invalid-json", "$")]
    [InlineData("""{"request": 42}""", "urn:mge:problem:invalid-json", "request")]
    [InlineData("""{"request": "An API", "options": {"concurency": 3}}""", "urn:mge:problem:invalid-json", "options.concurency")]
    [InlineData("""{"request": "An API", "options": {"concurrency": "ten"}}""", "urn:mge:problem:invalid-json", "options.concurrency")]
    [InlineData("", "urn:mge:problem:empty-body", null)]
    [InlineData("   \n ", "urn:mge:problem:empty-body", null)]
    [InlineData("null", "urn:mge:problem:empty-body", null)]
    [InlineData("""{"request": ""}""", "urn:mge:problem:invalid-request", "request")]
    [InlineData("""{"request": "   \n\t "}""", "urn:mge:problem:invalid-request", "request")]
    [InlineData("""{"projectType": "fastapi"}""", "urn:mge:problem:invalid-request", "request")]
    [InlineData("""{"request": "An API", "projectType": "rails"}""", "urn:mge:problem:unknown-project-type", "projectType")]
    [InlineData("""{"request": "An API", "projectType": ""}""", "urn:mge:problem:unknown-project-type", "projectType")]
    [InlineData("""{"request": "An API", "options": {"concurrency": 0}}""", "urn:mge:problem:invalid-options", "options.concurrency")]
    [InlineData("""{"request": "An API", "options": {"concurrency": 1000}}""", "urn:mge:problem:invalid-options", "options.concurrency")]
    [InlineData("""{"request": "An API", "options": {"maxRepairAttempts": -1}}""", "urn:mge:problem:invalid-options", "options.maxRepairAttempts")]
    [InlineData("""{"request": "An API", "options": {"atomBatchSize": 0, "maxWaveSize": 0}}""", "urn:mge:problem:invalid-options", "options.maxWaveSize")]
    public async Task Bad_requests_get_400_problem_json_and_nothing_is_stored_or_scheduled(string body, string type, string? field)
    {
        var response = await StartAsync(body);

        var problem = response.Problem(400);
        Assert.Equal(type, problem.GetProperty("type").GetString());
        if (field is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for '{field}' in {problem}");
            Assert.NotEmpty(messages.EnumerateArray());
        }

        Assert.Empty(app.Scheduled);
    }

    [Fact]
    public async Task Every_problem_of_a_request_is_reported_at_once()
    {
        var response = await StartAsync("""{"request": " ", "projectType": "rails", "options": {"concurrency": 0, "atomBatchSize": 0}}""");

        var errors = response.Problem(400).GetProperty("errors");
        Assert.Equal(["request", "projectType", "options.concurrency", "options.atomBatchSize"], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_request_over_the_length_limit_is_refused_with_the_limit_in_the_message()
    {
        var response = await StartAsync($$"""{"request": "{{new string('x', 20_001)}}"}""");

        var problem = response.Problem(400);
        Assert.Contains("20,000", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(app.Scheduled);
    }

    [Fact]
    public async Task A_body_over_one_mebibyte_is_refused_before_parsing_with_or_without_a_length()
    {
        var huge = $$"""{"request": "{{new string('x', JsonBodyReader.MaxBodyBytes)}}"}""";

        var declared = FunctionsApp.Request("POST", "/api/projects", huge);
        declared.ContentLength = huge.Length;
        var withLength = await app.InvokeAsync<StartGenerationFunction>(declared, f => f.RunAsync(declared, app.Client.Object, CancellationToken.None));
        var chunked = await StartAsync(huge);

        Assert.Equal("urn:mge:problem:body-too-large", withLength.Problem(413).GetProperty("type").GetString());
        Assert.Contains("1,048,576", chunked.Problem(413).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(app.Scheduled);
    }

    [Fact]
    public async Task Responses_use_camel_case_json_whatever_the_host_configures()
    {
        var response = await StartAsync("""{"request": "An Express API for notes", "projectType": "express"}""");

        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, response.Json().GetProperty("purgeHistoryDeleteUri").ValueKind);
    }

    private Task<ExecutedResponse> StartAsync(string json, IDictionary<string, string>? headers = null)
    {
        var request = FunctionsApp.Request("POST", "/api/projects", json, headers: headers);
        return app.InvokeAsync<StartGenerationFunction>(request, f => f.RunAsync(request, app.Client.Object, CancellationToken.None));
    }
}
