using Microsoft.Extensions.AI;
using Mge.Pipeline.Discovery;
using Mge.Pipeline.Planning;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Mge.Pipeline.Tests.Runs;
using Moq;

namespace Mge.Pipeline.Tests.Discovery;

/// <summary>Discovery and masterplan ask for structured output, validate against the schema, retry with the problem fed back and keep the last answer on failure.</summary>
public sealed class StructuredOutputTests
{
    [Fact]
    public async Task Discovery_and_planning_send_their_json_schema_as_the_response_format_and_stream()
    {
        using var host = new PipelineTestHost();

        await host.PlannedRunAsync();

        var formats = host.Options.Select(o => o?.ResponseFormat).OfType<ChatResponseFormatJson>().ToList();
        Assert.Equal(2, formats.Count);
        Assert.Equal(("discovery_document", "master_plan"), (formats[0].SchemaName, formats[1].SchemaName));
        Assert.Equal(OutputSchemas.Discovery.Schema.GetRawText(), formats[0].Schema!.Value.GetRawText());
        host.Chat.Verify(c => c.GetStreamingResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        var tokens = host.Observer.Events.Where(e => e.Type == ProgressEvents.MasterPlanTokensProgressType).ToList();
        Assert.NotEmpty(tokens);
        Assert.Equal(500, (long)tokens[^1].Data["tokens_received"]!);
        Assert.Equal(5_000, (long)tokens[^1].Data["estimated_total"]!);
    }

    [Fact]
    public async Task A_schema_violation_is_fed_back_and_the_next_attempt_accepted()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync();
        host.Answer(ModelRole.Discovery, SampleAnswers.Discovery.Replace("\"type\":\"string\"", "\"type\":\"varchar(20)\"", StringComparison.Ordinal));
        host.Answer(ModelRole.Discovery, SampleAnswers.Discovery);

        var outcome = await host.Get<DiscoveryPhase>().RunAsync(runId);

        Assert.Equal(2, outcome.Usage.Calls);
        var feedback = host.Calls[1].Messages[^1].Text;
        Assert.Contains("does not match the schema 'discovery_document'", feedback, StringComparison.Ordinal);
        Assert.Contains(".attributes[0].type: \"varchar(20)\" is not one of", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_final_failure_fails_the_phase_naming_the_blob_that_keeps_the_last_answer()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync();
        host.Answer(ModelRole.Discovery, "I cannot do that.");
        host.Answer(ModelRole.Discovery, "{\"domain\": 3}");
        host.Answer(ModelRole.Discovery, "Still no JSON, sorry: {\"domain\": \"x\"");

        var error = await Assert.ThrowsAsync<PhaseFailedException>(() => host.Get<DiscoveryPhase>().RunAsync(runId));

        Assert.Equal(PipelinePhase.Discovery, error.Phase);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not closed", error.Message, StringComparison.Ordinal);
        Assert.Contains("blob 'runs/run-1/calls/discovery-a3.md'", error.Message, StringComparison.Ordinal);
        var kept = await host.Get<RunRepository>().GetTextAsync(StorageNames.RunsContainer, "run-1/calls/discovery-a3.md");
        Assert.Equal("Still no JSON, sorry: {\"domain\": \"x\"", kept);
    }

    [Fact]
    public async Task A_plan_that_fails_the_schema_every_time_fails_the_masterplan_phase_with_the_blob()
    {
        using var host = new PipelineTestHost();
        var runId = await host.CreateRunAsync();
        host.Answer(ModelRole.Discovery, SampleAnswers.Discovery);
        await host.Get<DiscoveryPhase>().RunAsync(runId);
        for (var i = 0; i < 3; i++)
        {
            host.Answer(ModelRole.Planning, SampleAnswers.Plan.Replace("\"complexity\":\"low\"", "\"complexity\":\"trivial\"", StringComparison.Ordinal));
        }

        var error = await Assert.ThrowsAsync<PhaseFailedException>(() => host.Get<MasterPlanPhase>().RunAsync(runId));

        Assert.Equal(PipelinePhase.MasterPlan, error.Phase);
        Assert.Contains("\"trivial\" is not one of", error.Message, StringComparison.Ordinal);
        Assert.Contains("runs/run-1/calls/masterplan-a3.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_call_journals_the_versions_of_its_prompt_templates()
    {
        using var host = new PipelineTestHost();

        var runId = await host.PlannedRunAsync();

        var calls = await host.Get<RunRepository>().ListCallsAsync(runId);
        Assert.Equal(["discovery@3", "planning@2+stack@1"], calls.Select(c => c.PromptVersion));
    }
}
