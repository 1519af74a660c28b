using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// The part every code and repair prompt of a run shares, identical from task to task so that a provider's
/// prompt cache can serve it: the request, the project type, the discovery and the plan in brief.
/// </summary>
public sealed record ProjectPrompt(string Request, ProjectType ProjectType, DiscoveryDocument Discovery, IReadOnlyList<PlanTaskBrief> Plan);
