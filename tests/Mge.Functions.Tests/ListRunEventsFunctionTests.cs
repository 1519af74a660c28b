using System.Text.Json;
using Mge.Api.Http;
using Mge.Functions.Http;
using Mge.Functions.Tests.Support;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Testing;

namespace Mge.Functions.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ListRunEventsFunctionTests(AzuriteFixture azurite) : IDisposable
{
    private readonly FunctionsApp app = FunctionsApp.Create(azurite.ConnectionString);

    public void Dispose() => app.Dispose();

    [Fact]
    public async Task Catch_up_returns_events_in_publication_order_once_each_and_a_republished_key_keeps_its_place()
    {
        var runId = await RunSeeds.CreateAsync(app);
        var progress = app.Service<IProgressPublisher>();
        // Published out of key order: a wave event (key "07-...") before a discovery one ("01-...").
        var wave = ProgressEvents.ExecutionWaveStart(runId, 1, 3, 40, batch: 1);
        await progress.PublishAsync(wave);
        await progress.PublishAsync(ProgressEvents.DiscoveryGenerationStart(runId, 2000, 30, 0.01m));
        await progress.PublishAsync(ProgressEvents.CodeGenerationProgress(runId, 7, "Task router", 1, 12, 420, true));

        var first = (await EventsAsync(runId, "?after=0")).Json();
        Assert.Equal(
            ["07-execution_wave_start-0001-0001", "01-discovery_generation_start-run", "03-code_generation_progress-0007"],
            Keys(first));
        var sequences = first.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        var next = first.GetProperty("next").GetInt64();
        Assert.Equal(sequences[^1], next);
        Assert.False(first.GetProperty("more").GetBoolean());

        // Nothing new: empty page, cursor unchanged.
        var idle = (await EventsAsync(runId, $"?after={next}")).Json();
        Assert.Empty(idle.GetProperty("events").EnumerateArray());
        Assert.Equal(next, idle.GetProperty("next").GetInt64());

        // A re-run activity publishes the wave event again (new timestamp, same key), then a new event follows.
        await progress.PublishAsync(ProgressEvents.ExecutionWaveStart(runId, 1, 3, 40, batch: 1));
        await progress.PublishAsync(ProgressEvents.ExecutionWaveComplete(runId, 1, 38, 2, 1.5));

        var after = (await EventsAsync(runId, $"?after={next}")).Json();
        Assert.Equal(["07-execution_wave_complete-0001"], Keys(after));
        var all = (await EventsAsync(runId, null)).Json();
        Assert.Equal(4, all.GetProperty("events").GetArrayLength());
        Assert.Equal(sequences[0], all.GetProperty("events")[0].GetProperty("sequence").GetInt64());
        Assert.Equal("07-execution_wave_start-0001-0001", all.GetProperty("events")[0].GetProperty("key").GetString());
        Assert.Equal(40, all.GetProperty("events")[0].GetProperty("data").GetProperty("atoms_in_wave").GetInt32());
    }

    [Fact]
    public async Task A_limit_pages_through_the_events_without_gaps_or_repeats()
    {
        var runId = await RunSeeds.CreateAsync(app);
        var progress = app.Service<IProgressPublisher>();
        for (var task = 1; task <= 5; task++)
        {
            await progress.PublishAsync(ProgressEvents.CodeGenerationProgress(runId, task, $"Task {task}", task, 5, 100, true));
        }

        var seen = new List<string>();
        long cursor = 0;
        bool more;
        do
        {
            var page = (await EventsAsync(runId, $"?after={cursor}&limit=2")).Json();
            seen.AddRange(Keys(page));
            cursor = page.GetProperty("next").GetInt64();
            more = page.GetProperty("more").GetBoolean();
        }
        while (more);

        Assert.Equal(Enumerable.Range(1, 5).Select(t => $"03-code_generation_progress-{t:D4}"), seen);
    }

    [Theory]
    [InlineData("?after=-1", "after")]
    [InlineData("?after=abc", "after")]
    [InlineData("?after=1.5", "after")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=100000", "limit")]
    public async Task A_bad_cursor_or_limit_is_a_400_problem(string query, string field)
    {
        var runId = await RunSeeds.CreateAsync(app);

        var problem = (await EventsAsync(runId, query)).Problem(400);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_unknown_run_is_404()
    {
        var problem = (await EventsAsync("no-such-run", "?after=0")).Problem(404);

        Assert.Equal("urn:mge:problem:run-not-found", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_failed_runs_error_event_is_part_of_the_catch_up()
    {
        var runId = await RunSeeds.CreateAsync(app);
        await app.Service<RunJournal>().FailAsync(runId, PipelinePhase.CodeGeneration, "the model is unreachable");

        var events = (await EventsAsync(runId, null)).Json().GetProperty("events");

        var error = Assert.Single(events.EnumerateArray());
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("the model is unreachable", error.GetProperty("data").GetProperty("message").GetString());
    }

    private static IEnumerable<string> Keys(JsonElement page) =>
        page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("key").GetString()!).ToList();

    private Task<ExecutedResponse> EventsAsync(string runId, string? query)
    {
        var request = FunctionsApp.Request("GET", $"/api/projects/{runId}/events", query: query);
        return app.InvokeAsync<ListRunEventsFunction>(request, f => f.RunAsync(request, runId, CancellationToken.None));
    }
}
