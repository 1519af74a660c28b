using Mge.Pipeline.Costs;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Storage;

/// <summary>Phase 1's result (table "discovery", partition run id, row "document"): the document, the project type decided, and what it cost.</summary>
public sealed record DiscoveryRecord
{
    public required string DiscoveryId { get; init; }
    public required string SessionId { get; init; }
    public required DiscoveryDocument Document { get; init; }

    /// <summary>The project type the run builds: the caller's, else detected from the request, else the discovery's, else FastAPI.</summary>
    public required ProjectType ProjectType { get; init; }

    /// <summary>Where <see cref="ProjectType"/> came from: "options", "request", "discovery" or "default".</summary>
    public required string ProjectTypeSource { get; init; }

    /// <summary>All discovery calls together (retries after invalid JSON included).</summary>
    public required UsageTotals Usage { get; init; }

    /// <summary>Model calls made (1 unless the JSON had to be asked for again).</summary>
    public int Attempts { get; init; } = 1;

    public required DateTimeOffset CreatedAt { get; init; }
}
