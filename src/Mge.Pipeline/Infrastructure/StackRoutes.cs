namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// The HTTP routes of a generated project. <c>{resource}</c> is an entity's plural in kebab-case
/// (<see cref="EntityNaming.Resource"/>: "TaskComment" -> "task-comments"), <c>{id}</c> a record's id.
/// </summary>
public sealed record StackRoutes
{
    public const string ResourcePlaceholder = "{resource}";

    /// <summary>The liveness route: GET answers 200 with a small JSON body once the app is up.</summary>
    public required string Health { get; init; }

    /// <summary>An entity's collection: GET lists (200, a JSON array), POST creates (201).</summary>
    public required string Collection { get; init; }

    /// <summary>One record: GET, PUT/PATCH, DELETE (204); 404 when it does not exist.</summary>
    public required string Item { get; init; }
}
