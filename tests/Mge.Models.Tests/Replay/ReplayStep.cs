namespace Mge.Models.Tests.Replay;

/// <summary>
/// What the replay server answers to one request: a recording, optionally after a delay (to provoke a timeout), or
/// for an event stream only its first <see cref="BreakAfterEvents"/> events before the connection is cut.
/// </summary>
internal sealed record ReplayStep(Recording Recording, TimeSpan Delay, int? BreakAfterEvents = null)
{
    public static implicit operator ReplayStep(string recordingName) => new(Recording.Load(recordingName), TimeSpan.Zero);

    public static ReplayStep Delayed(string recordingName, TimeSpan delay) => new(Recording.Load(recordingName), delay);

    public static ReplayStep BrokenAfter(string recordingName, int events) => new(Recording.Load(recordingName), TimeSpan.Zero, events);
}
