using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Discovery;

/// <summary>What <see cref="RequestAnalyzer"/> read from a request: entity keys in order of mention, domain, stack, language.</summary>
internal sealed record RequestAnalysis(
    IReadOnlyList<string> EntityKeys,
    string Domain,
    ProjectType ProjectType,
    bool IsSpanish);
