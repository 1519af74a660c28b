using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Discovery;

/// <summary>
/// What <see cref="RequestAnalyzer"/> read from a request: the entities in order of mention, domain, stack,
/// language, and whether the entities keep the request's Spanish names (<see cref="SpanishNames"/>).
/// </summary>
internal sealed record RequestAnalysis(
    IReadOnlyList<EntityMention> Entities,
    string Domain,
    ProjectType ProjectType,
    bool IsSpanish,
    bool SpanishNames)
{
    /// <summary>The entities' snake_case singular keys ("solicitud_adopcion").</summary>
    public IReadOnlyList<string> EntityKeys => Entities.Select(e => e.Key).ToList();

    public NamingLanguage NamingLanguage => SpanishNames ? NamingLanguage.Spanish : NamingLanguage.English;
}
