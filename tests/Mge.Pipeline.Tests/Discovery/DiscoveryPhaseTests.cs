using Microsoft.Extensions.AI;
using Mge.Pipeline.Discovery;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;
using Moq;

namespace Mge.Pipeline.Tests.Discovery;

public sealed class DiscoveryPhaseTests
{
    [Theory]
    [InlineData(SampleAnswers.Discovery)]
    [InlineData("```json\n" + SampleAnswers.Discovery + "\n```")]
    [InlineData("Here is my analysis of the domain:\n\n" + SampleAnswers.Discovery + "\n\nI hope this helps.")]
    public async Task Stores_the_document_and_publishes_the_seed_events(string answer)
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync();
        host.Answer(ModelRole.Discovery, answer, 800, 600);

        var outcome = await host.Get<DiscoveryPhase>().RunAsync(runId);

        Assert.Equal((2, 2, 3, "fastapi"), (outcome.BoundedContexts, outcome.Aggregates, outcome.Entities, outcome.ProjectType));
        Assert.Equal(1, outcome.Usage.Calls);
        var record = await host.Get<RunRepository>().GetDiscoveryAsync(runId);
        Assert.Equal("Task management", record!.Document.Domain);
        Assert.Equal((ProjectType.FastApi, "request"), (record.ProjectType, record.ProjectTypeSource));
        var types = host.Observer.Events.Select(e => e.Type).Where(t => t.StartsWith("discovery_", StringComparison.Ordinal)).ToList();
        Assert.Equal(ProgressEvents.DiscoveryGenerationStartType, types[0]);
        Assert.Equal(ProgressEvents.DiscoveryTokensProgressType, types[1]);
        Assert.Equal(ProgressEvents.DiscoveryGenerationCompleteType, types[^1]);
        var discovered = host.Observer.Events.Where(e => e.Type == ProgressEvents.DiscoveryEntityDiscoveredType).Select(e => $"{e.Data["entity_type"]}:{e.Data["name"]}").ToList();
        Assert.Equal(["domain:Task management", "bounded_context:Accounts", "aggregate:UserAggregate", "entity:User", "bounded_context:Work", "aggregate:TaskAggregate", "entity:Task", "entity:Comment"], discovered);
        // Streamed: estimates as chunks arrive (throttled), then the provider's final count.
        var tokens = host.Observer.Events.Where(e => e.Type == ProgressEvents.DiscoveryTokensProgressType).Select(e => (long)e.Data["tokens_received"]!).ToList();
        Assert.True(tokens.Count >= 2, $"{tokens.Count} token events");
        Assert.Equal(600, tokens[^1]);
        Assert.All(tokens.SkipLast(1), t => Assert.True(t > 0 && t < 600));
        Assert.Equal(PipelinePhase.Discovery, (await host.Get<RunJournal>().GetStatusAsync(runId))!.CurrentPhase);
    }

    [Fact]
    public async Task Invalid_json_is_retried_with_the_parse_error_fed_back_under_a_new_call_key()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync();
        host.Answer(ModelRole.Discovery, "{\"domain\": \"Tasks\", \"bounded_contexts\": [,]}");
        host.Answer(ModelRole.Discovery, SampleAnswers.Discovery);

        var outcome = await host.Get<DiscoveryPhase>().RunAsync(runId);

        Assert.Equal(2, outcome.Usage.Calls);
        Assert.Equal(["discovery", "discovery-a2"], (await host.Get<RunRepository>().ListCallsAsync(runId)).Select(c => c.Key));
        var retry = host.Calls[1].Messages;
        Assert.Contains("invalid JSON at line 1", retry[^1].Text, StringComparison.Ordinal);
        Assert.Contains("\"attempt\":2", retry[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, (await host.Get<RunRepository>().GetDiscoveryAsync(runId))!.Attempts);
    }

    [Fact]
    public async Task Three_unusable_answers_fail_the_phase_with_the_last_problem()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync();
        for (var i = 0; i < 3; i++)
        {
            host.Answer(ModelRole.Discovery, "I would rather describe it in words.");
        }

        var error = await Assert.ThrowsAsync<PhaseFailedException>(() => host.Get<DiscoveryPhase>().RunAsync(runId));

        Assert.Equal(PipelinePhase.Discovery, error.Phase);
        Assert.Contains("after 3 attempts: no JSON object found", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.Calls.Count);
    }

    [Fact]
    public async Task A_discovery_without_entities_fails_with_guidance()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync("Make me something cool");
        host.Answer(ModelRole.Discovery, SampleAnswers.NoEntities);

        var error = await Assert.ThrowsAsync<PhaseFailedException>(() => host.Get<DiscoveryPhase>().RunAsync(runId));

        Assert.Equal(DiscoveryPhase.NoEntitiesMessage, error.Message);
    }

    [Fact]
    public async Task Running_the_phase_again_makes_no_second_model_call_and_leaves_the_same_rows()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync();
        host.Answer(ModelRole.Discovery, SampleAnswers.Discovery);
        var phase = host.Get<DiscoveryPhase>();
        var repository = host.Get<RunRepository>();

        var first = await phase.RunAsync(runId);
        var firstRecord = await repository.GetDiscoveryAsync(runId);
        var firstEvents = (await repository.ListEventsAsync(runId)).Select(e => e.Key).ToList();
        var second = await phase.RunAsync(runId);

        Assert.Equal(first, second);
        Assert.Equal(StoredJson.Of(firstRecord), StoredJson.Of(await repository.GetDiscoveryAsync(runId)));
        Assert.Equal(firstEvents, (await repository.ListEventsAsync(runId)).Select(e => e.Key));
        Assert.Single(await repository.ListCallsAsync(runId));
        host.Chat.Verify(c => c.GetStreamingResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("django", "Create a FastAPI API", "fastapi", "django", "options")]
    [InlineData(null, "Crea una API con Express para tareas", "fastapi", "express", "request")]
    [InlineData(null, "An API for tasks", "django", "django", "discovery")]
    [InlineData(null, "An API for tasks", "rails", "fastapi", "default")]
    public void The_project_type_comes_from_options_then_request_then_discovery_then_default(string? option, string request, string discovered, string expectedName, string source)
    {
        var expected = new ProjectType(expectedName);
        var generation = new GenerationRequest("r", request, new GenerationOptions { ProjectType = option is null ? null : new ProjectType(option) }, DateTimeOffset.UnixEpoch);
        var document = new DiscoveryDocument { Domain = "d", ProjectName = "p", ProjectType = discovered };

        Assert.Equal((expected, source), DiscoveryPhase.DecideProjectType(generation, document));
    }
}
