using Mge.Pipeline.Progress;

namespace Mge.Cli.Generation;

/// <summary>How a run's progress is shown while it runs: live bars on a terminal, plain lines elsewhere.</summary>
public interface IRunProgressView
{
    /// <summary>Runs <paramref name="work"/> (the whole generation) while the view is displayed.</summary>
    Task<T> ShowWhileAsync<T>(Func<Task<T>> work);

    /// <summary>Called after the board has applied <paramref name="progressEvent"/>; <paramref name="row"/> is the row it touched.</summary>
    void OnEvent(ProgressEvent progressEvent, string? row);
}
