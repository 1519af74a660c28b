using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// States each entity's plural in the offline model's discovery answer: the plural the writers name tables and
/// routes with (in the request's language), so that the pipeline's README, prompts and smoke probes, which read
/// the discovery, name the same routes as the generated code.
/// </summary>
internal static class DiscoveryPlurals
{
    public static DiscoveryDocument Add(DiscoveryDocument discovery)
    {
        ArgumentNullException.ThrowIfNull(discovery);
        var language = BlueprintBuilder.LanguageOf(discovery);
        return discovery with
        {
            BoundedContexts = discovery.BoundedContexts.Select(context => context with
            {
                Aggregates = context.Aggregates.Select(aggregate => aggregate with
                {
                    Entities = aggregate.Entities.Select(entity => entity with
                    {
                        Plural = entity.Plural ?? BlueprintEntity.PluralOf(BlueprintBuilder.ClassName(entity.Name, language), language),
                    }).ToList(),
                }).ToList(),
            }).ToList(),
        };
    }
}
