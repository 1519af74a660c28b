using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Discovery;

/// <summary>
/// Builds the offline model's discovery document: entities with catalogue attributes, belongs_to relations
/// from the catalogue's parent preferences (never a cycle), has_many on the other side, and bounded
/// contexts: an "Identity" context for owner-like entities and one context for the domain, where part-like
/// entities (comments, reviews...) join the aggregate of the record they belong to. When the entities keep
/// a Spanish request's own names, the prose is Spanish too: that is how the blueprint knows to inflect
/// them in Spanish (<see cref="BlueprintBuilder.LanguageOf"/>).
/// </summary>
internal static class DiscoveryComposer
{
    public static DiscoveryDocument Compose(string request, ProjectType? projectType)
    {
        var analysis = RequestAnalyzer.Analyze(request, projectType);
        var mentions = analysis.Entities;
        var keys = analysis.EntityKeys;
        var parents = ResolveParents(mentions);
        var entities = mentions.ToDictionary(m => m.Key, m => BuildEntity(m, analysis, parents), StringComparer.Ordinal);
        var stack = ProjectTypeNames.ToName(analysis.ProjectType);
        var display = ProjectTypeNames.ToDisplay(analysis.ProjectType);
        var names = string.Join(", ", keys.Select(Naming.ToPascal));

        return new DiscoveryDocument
        {
            Domain = analysis.Domain,
            ProjectName = Naming.ToSnake(analysis.Domain).Replace('_', '-') + "-api",
            ProjectType = stack,
            Summary = (keys.Count, analysis.SpanishNames) switch
            {
                (0, _) => $"The request names no entities to manage, so there is no domain model to build ({stack} requested).",
                (_, true) => $"Una API REST de {display} para {analysis.Domain.ToLowerInvariant()} con {names}.",
                _ => $"A {display} REST API for {analysis.Domain.ToLowerInvariant()} with {names}.",
            },
            BoundedContexts = GroupContexts(analysis, mentions, parents, entities),
        };
    }

    /// <summary>For each entity, the entities it belongs to (catalogue preferences; cycles skipped).</summary>
    private static Dictionary<string, List<string>> ResolveParents(IReadOnlyList<EntityMention> mentions)
    {
        var parents = mentions.ToDictionary(m => m.Key, _ => new List<string>(), StringComparer.Ordinal);
        var byCatalog = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mention in mentions)
        {
            byCatalog.TryAdd(mention.CatalogKey, mention.Key);
        }

        var owner = mentions.Count > 0 && EntityCatalog.OwnerKeys.Contains(mentions[0].CatalogKey) ? mentions[0].Key : null;
        foreach (var mention in mentions)
        {
            var key = mention.Key;
            foreach (var group in EntityCatalog.Lookup(mention.CatalogKey).ParentGroups)
            {
                var target = group
                    .Select(candidate => byCatalog.GetValueOrDefault(candidate))
                    .FirstOrDefault(candidate => candidate is not null && candidate != key && !parents[key].Contains(candidate));
                if (target is not null && !Reaches(parents, target, key))
                {
                    parents[key].Add(target);
                }
            }

            if (!EntityCatalog.IsKnown(mention.CatalogKey) && owner is not null && key != owner && parents[key].Count == 0 && !Reaches(parents, owner, key))
            {
                parents[key].Add(owner);
            }
        }

        return parents;
    }

    private static bool Reaches(Dictionary<string, List<string>> parents, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (current == to)
            {
                return true;
            }

            if (seen.Add(current))
            {
                foreach (var next in parents[current])
                {
                    stack.Push(next);
                }
            }
        }

        return false;
    }

    private static DomainEntity BuildEntity(EntityMention mention, RequestAnalysis analysis, Dictionary<string, List<string>> parents)
    {
        var key = mention.Key;
        var entry = EntityCatalog.Lookup(mention.CatalogKey);
        var relations = parents[key]
            .Select(p => new EntityRelation { Kind = "belongs_to", Target = Naming.ToPascal(p), Field = p })
            .Concat(analysis.EntityKeys.Where(child => parents[child].Contains(key))
                .Select(child => new EntityRelation { Kind = "has_many", Target = Naming.ToPascal(child), Field = Naming.Pluralize(child, analysis.NamingLanguage) }))
            .ToList();

        return new DomainEntity
        {
            Name = Naming.ToPascal(key),
            Description = analysis.SpanishNames
                ? $"Un registro de {mention.Words}."
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, entry.Description, mention.Words),
            Attributes = entry.Attributes,
            Relations = relations,
        };
    }

    private static IReadOnlyList<BoundedContext> GroupContexts(
        RequestAnalysis analysis,
        IReadOnlyList<EntityMention> mentions,
        Dictionary<string, List<string>> parents,
        Dictionary<string, DomainEntity> entities)
    {
        if (mentions.Count == 0)
        {
            return [];
        }

        var catalogOf = mentions.ToDictionary(m => m.Key, m => m.CatalogKey, StringComparer.Ordinal);
        bool IsOwner(string key) => EntityCatalog.OwnerKeys.Contains(catalogOf[key]);
        bool IsPart(string key) => EntityCatalog.PartKeys.Contains(catalogOf[key]);
        var keys = analysis.EntityKeys;

        // A part-like entity joins the aggregate of its first non-owner parent ("Comment" inside "Task").
        var aggregateOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var host = IsPart(key) ? parents[key].FirstOrDefault(p => !IsOwner(p) && !IsPart(p)) : null;
            aggregateOf[key] = host ?? key;
        }

        Aggregate AggregateFor(string root) => new()
        {
            Name = Naming.ToPascal(root) + "Aggregate",
            Root = Naming.ToPascal(root),
            Entities = keys.Where(k => aggregateOf[k] == root).Select(k => entities[k]).ToList(),
        };

        var spanish = analysis.SpanishNames;
        var domain = analysis.Domain;
        var roots = keys.Where(k => aggregateOf[k] == k).ToList();
        var identityRoots = roots.Where(IsOwner).ToList();
        var coreRoots = roots.Where(r => !IsOwner(r)).ToList();
        var contexts = new List<BoundedContext>();
        if (identityRoots.Count > 0)
        {
            contexts.Add(new BoundedContext
            {
                Name = spanish ? "Identidad" : "Identity",
                Description = spanish ? "Las personas que usan el sistema y son dueñas de sus registros." : "The people who use the system and own its records.",
                Aggregates = identityRoots.Select(AggregateFor).ToList(),
            });
        }

        if (coreRoots.Count > 0)
        {
            contexts.Add(new BoundedContext
            {
                Name = Naming.ToPascal(domain),
                Description = spanish ? $"El núcleo de {domain.ToLowerInvariant()}." : $"The core of {domain.ToLowerInvariant()}.",
                Aggregates = coreRoots.Select(AggregateFor).ToList(),
            });
        }

        return contexts;
    }
}
