namespace Mge.Pipeline.Progress;

/// <summary>Where progress events go: storage for catch-up, a live channel (console, SignalR).</summary>
public interface IProgressPublisher
{
    Task PublishAsync(ProgressEvent progressEvent, CancellationToken cancellationToken = default);
}
