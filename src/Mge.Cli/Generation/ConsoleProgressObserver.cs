using Mge.Pipeline.Progress;

namespace Mge.Cli.Generation;

/// <summary>The pipeline's progress observer for the command line: every event updates the board, then the view.</summary>
public sealed class ConsoleProgressObserver(RunProgressBoard board, IRunProgressView view) : IProgressObserver
{
    public ValueTask OnEventAsync(ProgressEvent progressEvent, CancellationToken cancellationToken)
    {
        var row = board.Apply(progressEvent);
        view.OnEvent(progressEvent, row);
        return ValueTask.CompletedTask;
    }
}
