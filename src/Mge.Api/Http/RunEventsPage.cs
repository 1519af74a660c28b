using Mge.Pipeline.Progress;

namespace Mge.Api.Http;

/// <summary>
/// The answer of <c>GET /api/projects/{id}/events?after=N</c>: stored events in publication order (each with its
/// <c>sequence</c>), <c>next</c> = the cursor to pass as <c>after</c> next time (the last sequence returned, or the
/// given cursor when nothing is new), and <c>more</c> when the page was full.
/// </summary>
public sealed record RunEventsPage(string Id, IReadOnlyList<ProgressEvent> Events, long Next, bool More);
