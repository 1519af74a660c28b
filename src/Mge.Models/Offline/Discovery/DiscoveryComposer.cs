using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Discovery;

/// <summary>
/// Builds the offline model's discovery document: entities with catalogue attributes, belongs_to relations
/// from the catalogue's parent preferences (never a cycle), has_many on the other side, and bounded
/// contexts: an "Identity" context for owner-like entities and one context for the domain, where part-like
/// entities (comments, reviews...) join the aggregate of the record they belong to.
/// </summary>
internal static class DiscoveryComposer
{
    public static DiscoveryDocument Compose(string request, ProjectType? projectType)
    {
        var analysis = RequestAnalyzer.Analyze(request, projectType);
        var keys = analysis.EntityKeys;
        var parents = ResolveParents(keys);
        var entities = keys.ToDictionary(k => k, k => BuildEntity(k, keys, parents), StringComparer.Ordinal);
        var stack = ProjectTypeNames.ToName(analysis.ProjectType);

        return new DiscoveryDocument
        {
            Domain = analysis.Domain,
            ProjectName = Naming.ToSnake(analysis.Domain).Replace('_', '-') + "-api",
            ProjectType = stack,
            Summary = keys.Count == 0
                ? $"The request names no entities to manage, so there is no domain model to build ({stack} requested)."
                : $"A {ProjectTypeNames.ToDisplay(analysis.ProjectType)} REST API for {analysis.Domain.ToLowerInvariant()} with {string.Join(", ", keys.Select(Naming.ToPascal))}.",
            BoundedContexts = GroupContexts(analysis.Domain, keys, parents, entities),
        };
    }

    /// <summary>For each entity, the entities it belongs to (catalogue preferences; cycles skipped).</summary>
    private static Dictionary<string, List<string>> ResolveParents(IReadOnlyList<string> keys)
    {
        var parents = keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        var owner = keys.Count > 0 && EntityCatalog.OwnerKeys.Contains(keys[0]) ? keys[0] : null;
        foreach (var key in keys)
        {
            var known = EntityCatalog.IsKnown(key);
            foreach (var group in EntityCatalog.Lookup(key).ParentGroups)
            {
                var target = group.FirstOrDefault(candidate => candidate != key && parents.ContainsKey(candidate) && !parents[key].Contains(candidate));
                if (target is not null && !Reaches(parents, target, key))
                {
                    parents[key].Add(target);
                }
            }

            if (!known && owner is not null && key != owner && parents[key].Count == 0 && !Reaches(parents, owner, key))
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

    private static DomainEntity BuildEntity(string key, IReadOnlyList<string> keys, Dictionary<string, List<string>> parents)
    {
        var entry = EntityCatalog.Lookup(key);
        var relations = parents[key]
            .Select(p => new EntityRelation { Kind = "belongs_to", Target = Naming.ToPascal(p), Field = p })
            .Concat(keys.Where(child => parents[child].Contains(key))
                .Select(child => new EntityRelation { Kind = "has_many", Target = Naming.ToPascal(child), Field = Naming.Pluralize(child) }))
            .ToList();

        return new DomainEntity
        {
            Name = Naming.ToPascal(key),
            Description = string.Format(System.Globalization.CultureInfo.InvariantCulture, entry.Description, Naming.ToWords(key).ToLowerInvariant()),
            Attributes = entry.Attributes,
            Relations = relations,
        };
    }

    private static IReadOnlyList<BoundedContext> GroupContexts(
        string domain,
        IReadOnlyList<string> keys,
        Dictionary<string, List<string>> parents,
        Dictionary<string, DomainEntity> entities)
    {
        if (keys.Count == 0)
        {
            return [];
        }

        // A part-like entity joins the aggregate of its first non-owner parent ("Comment" inside "Task").
        var aggregateOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var host = EntityCatalog.PartKeys.Contains(key)
                ? parents[key].FirstOrDefault(p => !EntityCatalog.OwnerKeys.Contains(p) && !EntityCatalog.PartKeys.Contains(p))
                : null;
            aggregateOf[key] = host ?? key;
        }

        Aggregate AggregateFor(string root) => new()
        {
            Name = Naming.ToPascal(root) + "Aggregate",
            Root = Naming.ToPascal(root),
            Entities = keys.Where(k => aggregateOf[k] == root).Select(k => entities[k]).ToList(),
        };

        var roots = keys.Where(k => aggregateOf[k] == k).ToList();
        var identityRoots = roots.Where(EntityCatalog.OwnerKeys.Contains).ToList();
        var coreRoots = roots.Where(r => !EntityCatalog.OwnerKeys.Contains(r)).ToList();
        var contexts = new List<BoundedContext>();
        if (identityRoots.Count > 0)
        {
            contexts.Add(new BoundedContext
            {
                Name = "Identity",
                Description = "The people who use the system and own its records.",
                Aggregates = identityRoots.Select(AggregateFor).ToList(),
            });
        }

        if (coreRoots.Count > 0)
        {
            contexts.Add(new BoundedContext
            {
                Name = Naming.ToPascal(domain),
                Description = $"The core of {domain.ToLowerInvariant()}.",
                Aggregates = coreRoots.Select(AggregateFor).ToList(),
            });
        }

        return contexts;
    }
}
