using Microsoft.Extensions.Logging;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Progress;

/// <summary>
/// The pipeline's <see cref="IProgressPublisher"/>: stores each event (table "events", partition run id, row =
/// the event's deterministic key, so a re-run activity overwrites rather than duplicates and a late client can
/// catch up) and forwards it to every registered <see cref="IProgressObserver"/>.
/// </summary>
public sealed class ProgressPublisher : IProgressPublisher
{
    private readonly IRecordStore _records;
    private readonly IReadOnlyList<IProgressObserver> _observers;
    private readonly ILogger<ProgressPublisher> _logger;

    public ProgressPublisher(IRecordStore records, IEnumerable<IProgressObserver> observers, ILogger<ProgressPublisher> logger)
    {
        _records = records;
        _observers = observers.ToList();
        _logger = logger;
    }

    public async Task PublishAsync(ProgressEvent progressEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progressEvent);
        await _records.UpsertAsync(StorageNames.Events, progressEvent.RunId, progressEvent.Key, progressEvent, cancellationToken).ConfigureAwait(false);

        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnEventAsync(progressEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                // The event is already stored; a live channel that fails must not fail the run.
                _logger.LogWarning(exception, "Progress observer {Observer} failed on event {Key} of run {RunId}",
                    observer.GetType().Name, progressEvent.Key, progressEvent.RunId);
            }
        }
    }
}
