using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Infrastructure;

namespace Mge.Models.Offline.Stacks;

/// <summary>How the writers read the stack definition for a blueprint: per-entity paths from layout patterns, per-entity routes.</summary>
internal static class StackLayoutExtensions
{
    /// <summary>The file of one entity ("app/models/{entity}.py" -> "app/models/task_comment.py").</summary>
    public static string PathOf(this LayoutFile file, BlueprintEntity entity) => file.For(entity.Module, entity.Plural);

    /// <summary>The entity whose file <paramref name="path"/> is under this layout pattern, or null.</summary>
    public static BlueprintEntity? EntityIn(this LayoutFile file, ProjectBlueprint blueprint, string path)
    {
        var name = file.NameIn(path);
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return file.Path.Contains(LayoutFile.EntitiesPlaceholder, StringComparison.Ordinal) ? blueprint.FindByPlural(name) : blueprint.FindByModule(name);
    }

    /// <summary>A file (or per-entity pattern) of the layout by its path; a writer that names a file its definition lacks fails here rather than drift.</summary>
    public static LayoutFile Named(this StackLayout layout, string path) =>
        layout.Files.FirstOrDefault(f => f.Path == path)
            ?? throw new InvalidOperationException($"The stack layout has no file '{path}'; the writer and templates/stacks disagree.");

    /// <summary>The path of a plain file of the layout (see <see cref="Named"/>).</summary>
    public static string File(this StackLayout layout, string path) => layout.Named(path).Path;

    /// <summary>
    /// The CommonJS require() specifier of workspace file <paramref name="target"/> from file <paramref name="from"/>
    /// ("src/routes/users.js", "src/store.js" -> "../store").
    /// </summary>
    public static string RequireFrom(string from, string target)
    {
        var relative = Path.GetRelativePath(Path.GetDirectoryName(from) is { Length: > 0 } directory ? directory : ".", target).Replace('\\', '/');
        var module = relative.EndsWith(".js", StringComparison.Ordinal) ? relative[..^3] : relative;
        return module.StartsWith("../", StringComparison.Ordinal) ? module : "./" + module;
    }

    /// <summary>
    /// The entity's URL resource: its plural in kebab-case, the plural the offline discovery states for it
    /// (<see cref="DiscoveryPlurals"/>), so that README, prompts and smoke probes name the same route.
    /// </summary>
    public static string ResourceOf(BlueprintEntity entity) => EntityNaming.Resource(entity.Name, entity.Plural);

    /// <summary>The entity's collection route ("/task-comments/").</summary>
    public static string CollectionOf(this ProjectStack stack, BlueprintEntity entity) => stack.CollectionRoute(ResourceOf(entity));

    /// <summary>The entity's item route with the id placeholder ("/task-comments/{id}").</summary>
    public static string ItemOf(this ProjectStack stack, BlueprintEntity entity) => stack.ItemRoute(ResourceOf(entity));

    /// <summary>The variable's default as the code writes it; the definition must give one.</summary>
    public static string DefaultOf(this ProjectStack stack, string variable) =>
        stack.Variable(variable)?.Default
            ?? throw new InvalidOperationException($"The stack '{stack.Name}' has no default for {variable}; the writer and templates/stacks disagree.");
}
