using Mge.Pipeline.Costs;

namespace Mge.Pipeline.Runs;

/// <summary>What phase 1 tells the orchestrator; the document itself is in storage.</summary>
public sealed record DiscoveryOutcome(string DiscoveryId, string ProjectType, int BoundedContexts, int Aggregates, int Entities, UsageTotals Usage);
