namespace Mge.Pipeline.Progress;

/// <summary>
/// A live listener for progress events (console, SignalR, a test). Hosts register any number; the
/// publisher stores each event first and then hands it to every observer. An observer that throws is
/// logged and skipped: a broken progress channel never fails a run.
/// </summary>
public interface IProgressObserver
{
    ValueTask OnEventAsync(ProgressEvent progressEvent, CancellationToken cancellationToken);
}
