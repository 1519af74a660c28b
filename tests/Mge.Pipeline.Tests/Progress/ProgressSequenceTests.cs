using System.Text.Json.Nodes;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mge.Pipeline.Tests.Progress;

public sealed class ProgressSequenceTests
{
    [Fact]
    public void Sequences_strictly_increase_even_when_the_clock_stands_still_or_goes_back()
    {
        var clock = new SteppedClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var sequence = new ProgressSequence(clock);

        var first = sequence.Next();
        var second = sequence.Next();
        clock.Now -= TimeSpan.FromSeconds(5);
        var third = sequence.Next();
        clock.Now += TimeSpan.FromMinutes(1);
        var fourth = sequence.Next();

        Assert.Equal(clock.Start.UtcTicks, first);
        Assert.Equal(first + 1, second);
        Assert.Equal(second + 1, third);
        Assert.Equal(clock.Now.UtcTicks, fourth);
    }

    [Fact]
    public void Concurrent_callers_never_get_the_same_value()
    {
        var sequence = new ProgressSequence(new SteppedClock(DateTimeOffset.UnixEpoch));
        var values = new System.Collections.Concurrent.ConcurrentBag<long>();

        Parallel.For(0, 10_000, _ => values.Add(sequence.Next()));

        Assert.Equal(10_000, values.Distinct().Count());
    }

    [Fact]
    public async Task The_publisher_keeps_the_first_sequence_of_a_key_and_forwards_the_sequenced_event()
    {
        var store = new InMemoryRecordStore();
        var clock = new SteppedClock(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var observer = new Mge.Pipeline.Tests.Runs.RecordingObserver();
        var publisher = new ProgressPublisher(store, [observer], NullLogger<ProgressPublisher>.Instance, clock);

        await publisher.PublishAsync(ProgressEvents.AtomizationProgress("run-1", 1, 10, 1, 2));
        clock.Now += TimeSpan.FromSeconds(1);
        await publisher.PublishAsync(ProgressEvents.AtomizationProgress("run-1", 2, 5, 2, 2));
        clock.Now += TimeSpan.FromSeconds(1);
        await publisher.PublishAsync(ProgressEvents.AtomizationProgress("run-1", 1, 10, 1, 2));

        var stored = await new RunRepository(store, new InMemoryBlobStore()).ListEventsAsync("run-1");
        Assert.Equal(2, stored.Count);
        var task1 = stored.Single(e => e.Key.EndsWith("-0001", StringComparison.Ordinal));
        var task2 = stored.Single(e => e.Key.EndsWith("-0002", StringComparison.Ordinal));
        Assert.Equal(clock.Start.UtcTicks, task1.Sequence);
        Assert.True(task2.Sequence > task1.Sequence);
        Assert.Equal([task1.Sequence, task2.Sequence, task1.Sequence], observer.Events.Select(e => e.Sequence));
    }

    [Fact]
    public void Catch_up_orders_by_sequence_pages_and_reports_the_cursor()
    {
        var events = new[]
        {
            Event("07-execution_wave_start-0001", 30),
            Event("01-discovery_generation_start-run", 10),
            Event("03-code_generation_progress-0001", 20),
            Event("09-infrastructure_generation_complete-run", 40),
        };

        var all = ProgressCatchUp.After(events, 0);
        var page = ProgressCatchUp.After(events, 10, limit: 2);
        var rest = ProgressCatchUp.After(events, page.Next, limit: 2);
        var none = ProgressCatchUp.After(events, 40);

        Assert.Equal([10L, 20, 30, 40], all.Events.Select(e => e.Sequence));
        Assert.Equal([20L, 30], page.Events.Select(e => e.Sequence));
        Assert.True(page.More);
        Assert.Equal(30, page.Next);
        Assert.Equal([40L], rest.Events.Select(e => e.Sequence));
        Assert.False(rest.More);
        Assert.Empty(none.Events);
        Assert.Equal(40, none.Next);
    }

    [Fact]
    public void Events_stored_before_sequences_existed_come_first_in_key_order_on_a_full_read()
    {
        var events = new[] { Event("03-b", 0), Event("01-a", 0), Event("05-c", 7) };

        Assert.Equal(["01-a", "03-b", "05-c"], ProgressCatchUp.After(events, 0).Events.Select(e => e.Key));
        Assert.Equal(["05-c"], ProgressCatchUp.After(events, 1).Events.Select(e => e.Key));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, ProgressCatchUp.MaxPageSize + 1)]
    public void Catch_up_refuses_bad_cursors_and_limits(long after, int limit) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ProgressCatchUp.After([], after, limit));

    private static ProgressEvent Event(string key, long sequence) =>
        new("run-1", key, key[3..], DateTimeOffset.UnixEpoch, new JsonObject()) { Sequence = sequence };

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Start { get; } = start;

        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
