using Mge.Engine;
using Mge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Workflow.Tests.Engine;

/// <summary>
/// The embedded engine over the Durable Task Azure Storage backend against a real Azurite started by the test:
/// fan-out, state that outlives the engine (a second engine over the same task hub finishes the run), and
/// transient activity faults retried by redelivery while real errors still fail the orchestration.
/// </summary>
public sealed class AzureStorageEngineTests : IClassFixture<AzuriteFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly AzuriteFixture azurite;

    public AzureStorageEngineTests(AzuriteFixture azurite) => this.azurite = azurite;

    private EmbeddedEngine CreateEngine(string taskHub, FlakyStorage? storage = null, TimeSpan? visibility = null, int maxActivities = 64)
    {
        var services = new ServiceCollection()
            .AddSingleton(storage ?? new FlakyStorage())
            .AddSingleton<ConcurrencyProbe>()
            .BuildServiceProvider();
        var options = new EmbeddedEngineOptions { MaxConcurrentActivities = maxActivities }
            .AddOrchestrator<FanOutOrchestrator>().AddActivity<SquareActivity>()
            .AddOrchestrator<FlakyFanOutOrchestrator>().AddActivity<FlakyItemActivity>()
            .AddOrchestrator<SlowFanOutOrchestrator>().AddActivity<SlowActivity>();
        var settings = new AzureStorageEngineSettings
        {
            ConnectionString = azurite.ConnectionString,
            TaskHubName = taskHub,
            QueueVisibilityTimeout = visibility ?? TimeSpan.FromSeconds(30),
        };
        return EmbeddedEngine.CreateAzureStorage(settings, options, services);
    }

    [Fact]
    public async Task Fan_out_completes_on_azurite_and_the_status_is_readable_from_another_engine()
    {
        await using (var engine = CreateEngine("fanout"))
        {
            await engine.StartAsync();
            await engine.ScheduleAsync(nameof(FanOutOrchestrator), 50, "fan-out-50");
            var status = await engine.WaitForCompletionAsync("fan-out-50", Timeout);
            Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
            Assert.Equal(Enumerable.Range(1, 50).Sum(i => (long)i * i), status.ReadOutput<long>());
        }

        // A fresh engine that is never started still reads the stored instance (what `mge status` does).
        await using var reader = CreateEngine("fanout");
        var stored = await reader.GetStatusAsync("fan-out-50");
        Assert.NotNull(stored);
        Assert.Equal(EngineRuntimeStatus.Completed, stored.RuntimeStatus);
        Assert.Null(await reader.GetStatusAsync("no-such-instance"));
    }

    [Fact]
    public async Task A_run_left_by_a_stopped_engine_is_finished_by_the_next_engine()
    {
        await using (var first = CreateEngine("handover", visibility: TimeSpan.FromSeconds(5), maxActivities: 2))
        {
            await first.StartAsync();
            await first.ScheduleAsync(nameof(SlowFanOutOrchestrator), new SlowFanOut(40, 300), "slow-40");
            await Task.Delay(TimeSpan.FromSeconds(2));
            var midway = await first.GetStatusAsync("slow-40");
            Assert.NotNull(midway);
            Assert.False(midway.IsTerminal);
        }

        await using var second = CreateEngine("handover", visibility: TimeSpan.FromSeconds(5), maxActivities: 2);
        await second.StartAsync();
        var status = await second.WaitForCompletionAsync("slow-40", Timeout);
        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(40, status.ReadOutput<int>());
    }

    [Fact]
    public async Task Transient_activity_faults_are_retried_and_real_errors_still_fail()
    {
        var storage = new FlakyStorage();
        storage.FailFirstRun.UnionWith([3, 7]);
        await using var engine = CreateEngine("flaky", storage);
        await engine.StartAsync();

        await engine.ScheduleAsync(nameof(FlakyFanOutOrchestrator), 10, "flaky-10");
        var status = await engine.WaitForCompletionAsync("flaky-10", Timeout);
        Assert.Equal(EngineRuntimeStatus.Completed, status.RuntimeStatus);
        Assert.Equal(55, status.ReadOutput<int>());
        Assert.Equal(2, storage.RunsOf(3));
        Assert.Equal(2, storage.RunsOf(7));
        Assert.Equal(1, storage.RunsOf(1));

        storage.AlwaysFail.Add(2);
        await engine.ScheduleAsync(nameof(FlakyFanOutOrchestrator), 3, "flaky-fails");
        var failed = await engine.WaitForCompletionAsync("flaky-fails", Timeout);
        Assert.Equal(EngineRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Contains("item 2 is invalid", failed.Failure?.Message + failed.Failure?.Inner?.Message);
    }

    [Fact]
    public void Settings_out_of_range_are_refused_with_the_setting_named()
    {
        var services = new ServiceCollection().BuildServiceProvider();
        var options = new EmbeddedEngineOptions().AddOrchestrator<FanOutOrchestrator>();
        var badHub = Assert.Throws<ArgumentException>(() => EmbeddedEngine.CreateAzureStorage(azurite.ConnectionString, "1-bad", options, services));
        Assert.Contains("Task hub name", badHub.Message);
        var badVisibility = Assert.Throws<ArgumentException>(() => EmbeddedEngine.CreateAzureStorage(
            new AzureStorageEngineSettings { ConnectionString = azurite.ConnectionString, QueueVisibilityTimeout = TimeSpan.FromSeconds(1) }, options, services));
        Assert.Contains("visibility", badVisibility.Message);
    }
}
