namespace Mge.Models.Tests.Replay;

/// <summary>What the replay server answers to one request: a recording, optionally after a delay (to provoke a timeout).</summary>
internal sealed record ReplayStep(Recording Recording, TimeSpan Delay)
{
    public static implicit operator ReplayStep(string recordingName) => new(Recording.Load(recordingName), TimeSpan.Zero);

    public static ReplayStep Delayed(string recordingName, TimeSpan delay) => new(Recording.Load(recordingName), delay);
}
