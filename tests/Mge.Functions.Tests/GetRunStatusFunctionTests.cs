using System.Text.Json;
using Mge.Api.Http;
using Mge.Functions.Http;
using Mge.Functions.Tests.Support;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Testing;

namespace Mge.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class GetRunStatusFunctionTests(AzuriteFixture azurite) : IDisposable
{
    private readonly FunctionsApp app = FunctionsApp.Create(azurite.ConnectionString);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task A_running_run_shows_its_phase_and_what_its_events_and_journaled_calls_say()
    {
        var runId = await RunSeeds.CreateAsync(app);
        var journal = app.Service<RunJournal>();
        var progress = app.Service<IProgressPublisher>();
        await journal.MarkPhaseAsync(runId, PipelinePhase.Atomization);
        await progress.PublishAsync(ProgressEvents.MasterPlanGenerationComplete(runId, 3, 5, 12, 0.004m));
        await progress.PublishAsync(ProgressEvents.CodeGenerationComplete(runId, 12, 11, 1, new UsageTotals(1000, 500, 0, 0.001m, 12)));
        await progress.PublishAsync(ProgressEvents.AtomizationProgress(runId, 1, 9, 1, 12));
        await progress.PublishAsync(ProgressEvents.AtomizationProgress(runId, 2, 4, 2, 12));
        await RunSeeds.JournalCallAsync(app, runId, "code-0001", 1200, 300, 100, 0.0004m);
        await RunSeeds.JournalCallAsync(app, runId, "code-0002", 800, 200, 0, 0.0002m);

        var response = await GetAsync(runId);

        Assert.Equal(200, response.Status);
        var status = response.Json();
        Assert.Equal(runId, status.GetProperty("id").GetString());
        Assert.Equal("running", status.GetProperty("status").GetString());
        Assert.Equal("atomization", status.GetProperty("phase").GetString());
        var counts = status.GetProperty("counts");
        Assert.Equal(12, counts.GetProperty("tasks").GetInt32());
        Assert.Equal(1, counts.GetProperty("tasksFailed").GetInt32());
        Assert.Equal(13, counts.GetProperty("atoms").GetInt32());
        Assert.False(counts.TryGetProperty("precision", out _));
        var usage = status.GetProperty("usage");
        Assert.Equal(2000, usage.GetProperty("tokensIn").GetInt64());
        Assert.Equal(500, usage.GetProperty("tokensOut").GetInt64());
        Assert.Equal(100, usage.GetProperty("tokensCached").GetInt64());
        Assert.Equal(2, usage.GetProperty("calls").GetInt32());
        Assert.Equal(0.0006m, usage.GetProperty("costUsd").GetDecimal());
        Assert.Equal("events", status.GetProperty("timingsSource").GetString());
        Assert.Equal(["master_plan", "code_generation", "atomization"], status.GetProperty("phaseSeconds").EnumerateObject().Select(p => p.Name));
        Assert.False(status.TryGetProperty("downloadUrl", out _));
        Assert.Equal("fastapi", status.GetProperty("projectType").GetString());
    }

    [Fact]
    public async Task A_completed_run_shows_its_summary_and_the_download_link()
    {
        var runId = await RunSeeds.CreateAsync(app);
        await app.Service<RunJournal>().CompleteAsync(runId, RunSeeds.Summary(runId));

        var status = (await GetAsync(runId)).Json();

        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Equal("delivery", status.GetProperty("phase").GetString());
        Assert.Equal("library-api", status.GetProperty("projectName").GetString());
        var counts = status.GetProperty("counts");
        Assert.Equal((12, 140, 6, 21), (counts.GetProperty("tasks").GetInt32(), counts.GetProperty("atoms").GetInt32(), counts.GetProperty("waves").GetInt32(), counts.GetProperty("files").GetInt32()));
        Assert.Equal(137 / 140.0, counts.GetProperty("precision").GetDouble(), 9);
        var usage = status.GetProperty("usage");
        Assert.Equal((50_000L, 20_000L, 8_000L), (usage.GetProperty("tokensIn").GetInt64(), usage.GetProperty("tokensOut").GetInt64(), usage.GetProperty("tokensCached").GetInt64()));
        Assert.Equal(0.0213m, usage.GetProperty("costUsd").GetDecimal());
        Assert.Equal(2.25, status.GetProperty("phaseSeconds").GetProperty("master_plan").GetDouble());
        Assert.Equal(13.75, status.GetProperty("totalSeconds").GetDouble());
        Assert.Equal("summary", status.GetProperty("timingsSource").GetString());
        Assert.Equal($"https://mge.example/api/projects/{runId}/workspace", status.GetProperty("downloadUrl").GetString());
    }

    [Fact]
    public async Task A_failed_run_shows_the_phase_it_failed_in_and_why()
    {
        var runId = await RunSeeds.CreateAsync(app);
        await app.Service<RunJournal>().FailAsync(runId, PipelinePhase.Validation, "syntax errors remain in app/main.py");

        var status = (await GetAsync(runId)).Json();

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Equal("validation", status.GetProperty("failedPhase").GetString());
        Assert.Equal("syntax errors remain in app/main.py", status.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Object, status.GetProperty("phaseSeconds").ValueKind);
    }

    [Theory]
    [InlineData("no-such-run")]
    [InlineData("bad#id")]
    [InlineData("..")]
    public async Task Unknown_or_malformed_ids_are_404_problems(string runId)
    {
        var response = await GetAsync(runId);

        Assert.Equal("urn:mge:problem:run-not-found", response.Problem(404).GetProperty("type").GetString());
    }

    private Task<ExecutedResponse> GetAsync(string runId)
    {
        var request = FunctionsApp.Request("GET", $"/api/projects/{runId}");
        return app.InvokeAsync<GetRunStatusFunction>(request, f => f.RunAsync(request, runId, CancellationToken.None));
    }
}
