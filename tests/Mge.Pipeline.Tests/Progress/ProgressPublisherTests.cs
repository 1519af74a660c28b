using Microsoft.Extensions.Logging.Abstractions;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Moq;

namespace Mge.Pipeline.Tests.Progress;

public sealed class ProgressPublisherTests
{
    [Fact]
    public async Task Events_are_stored_under_their_key_and_forwarded_even_when_an_observer_throws()
    {
        var store = new InMemoryRecordStore();
        var failing = new Mock<IProgressObserver>();
        failing.Setup(o => o.OnEventAsync(It.IsAny<ProgressEvent>(), It.IsAny<CancellationToken>())).ThrowsAsync(new IOException("socket closed"));
        var recording = new Mge.Pipeline.Tests.Runs.RecordingObserver();
        var publisher = new ProgressPublisher(store, [failing.Object, recording], NullLogger<ProgressPublisher>.Instance);

        var progressEvent = ProgressEvents.CodeGenerationProgress("run-1", 7, "Task router", 3, 12, 420, true);
        await publisher.PublishAsync(progressEvent);
        await publisher.PublishAsync(progressEvent);

        var stored = await new RunRepository(store, new InMemoryBlobStore()).ListEventsAsync("run-1");
        Assert.Single(stored);
        Assert.Equal("03-code_generation_progress-0007", stored[0].Key);
        Assert.Equal("3/12", (string?)stored[0].Data["progress"]);
        Assert.Equal(2, recording.Events.Count);
    }

    [Fact]
    public void Keys_are_deterministic_and_data_uses_the_seeds_snake_case_fields()
    {
        var start = ProgressEvents.DiscoveryGenerationStart("run-1", 2_000, 25, 0.01m);
        var entity = ProgressEvents.DiscoveryEntityDiscovered("run-1", "bounded_context", "Work", 2);
        var plan = ProgressEvents.MasterPlanGenerationComplete("run-1", 2, 3, 12, 0.02m);
        var wave = ProgressEvents.ExecutionWaveStart("run-1", 3, 5, 40, batch: 1);
        var error = ProgressEvents.Error("run-1", PipelinePhase.CodeGeneration, "boom");

        Assert.Equal("01-discovery_generation_start-run", start.Key);
        Assert.Equal(["session_id", "estimated_tokens", "estimated_duration_seconds", "estimated_cost_usd"], start.Data.Select(p => p.Key));
        Assert.Equal("01-discovery_entity_discovered-bounded_context-0002", entity.Key);
        Assert.Equal("run-1", (string?)plan.Data["masterplan_id"]);
        Assert.Equal(12, (int)plan.Data["total_tasks"]!);
        Assert.Equal("07-execution_wave_start-0003-0001", wave.Key);
        Assert.Equal("code_generation", (string?)error.Data["phase"]);
        Assert.Equal("03-error-run", error.Key);
    }
}
