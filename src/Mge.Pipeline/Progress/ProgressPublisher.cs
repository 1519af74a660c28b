using Microsoft.Extensions.Logging;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Progress;

/// <summary>
/// The pipeline's <see cref="IProgressPublisher"/>: stores each event (table "events", partition run id, row =
/// the event's deterministic key, so a re-run activity overwrites rather than duplicates and a late client can
/// catch up) and forwards it to every registered <see cref="IProgressObserver"/>. Each key gets its
/// <see cref="ProgressEvent.Sequence"/> when first published; publishing the key again keeps it, so a re-run
/// activity neither duplicates an event nor moves it in publication order.
/// </summary>
public sealed class ProgressPublisher : IProgressPublisher
{
    private readonly IRecordStore _records;
    private readonly IReadOnlyList<IProgressObserver> _observers;
    private readonly ILogger<ProgressPublisher> _logger;
    private readonly ProgressSequence _sequence;

    public ProgressPublisher(IRecordStore records, IEnumerable<IProgressObserver> observers, ILogger<ProgressPublisher> logger)
        : this(records, observers, logger, TimeProvider.System)
    {
    }

    public ProgressPublisher(IRecordStore records, IEnumerable<IProgressObserver> observers, ILogger<ProgressPublisher> logger, TimeProvider time)
    {
        _records = records;
        _observers = observers.ToList();
        _logger = logger;
        _sequence = new ProgressSequence(time);
    }

    public async Task PublishAsync(ProgressEvent progressEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progressEvent);
        var stored = await _records.GetAsync<ProgressEvent>(StorageNames.Events, progressEvent.RunId, progressEvent.Key, cancellationToken).ConfigureAwait(false);
        var sequence = stored is { Sequence: > 0 } ? stored.Sequence
            : progressEvent.Sequence > 0 ? progressEvent.Sequence
            : _sequence.Next();
        var sequenced = progressEvent with { Sequence = sequence };
        await _records.UpsertAsync(StorageNames.Events, sequenced.RunId, sequenced.Key, sequenced, cancellationToken).ConfigureAwait(false);

        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnEventAsync(sequenced, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                // The event is already stored; a live channel that fails must not fail the run.
                _logger.LogWarning(exception, "Progress observer {Observer} failed on event {Key} of run {RunId}",
                    observer.GetType().Name, sequenced.Key, sequenced.RunId);
            }
        }
    }
}
