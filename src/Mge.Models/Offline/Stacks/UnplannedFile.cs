using System.Text.Json;
using System.Text.Json.Nodes;
using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Infrastructure;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// Content for a path outside the stack's layout (a plan written by another model may ask for one): the
/// stack's manifest when it is one (requirements.txt, package.json, with the definition's packages and
/// commands), else a small valid file that says what the task wanted, never an empty one.
/// </summary>
internal static class UnplannedFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(ProjectBlueprint blueprint, string path, Mge.Pipeline.Domain.PlanTask? task)
    {
        var stack = ProjectStacks.For(blueprint.ProjectType);
        if (path == stack.ManifestPath)
        {
            return Manifest(stack, blueprint);
        }

        var purpose = task is null ? $"Part of {blueprint.Domain}." : $"{task.Name}. {task.Description}".Trim();
        purpose = purpose.Replace('\n', ' ').Replace('\r', ' ');
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".py" => $"\"\"\"{FastApiProjectWriter.PyText(purpose)}\"\"\"\n",
            ".js" or ".cjs" or ".mjs" => $"// {purpose}\n\"use strict\";\n\nmodule.exports = {{}};\n",
            ".json" => "{}\n",
            ".md" => $"# {blueprint.Domain}\n\n{purpose}\n",
            _ => $"# {purpose}\n",
        };
    }

    /// <summary>The manifest the infrastructure template writes, in substance: the same packages, pins and scripts.</summary>
    private static string Manifest(ProjectStack stack, ProjectBlueprint blueprint)
    {
        if (stack.PackageManager == PackageManager.Pip)
        {
            return string.Concat(stack.Packages.Select(p => $"{p.Name}{p.Version}\n"));
        }

        var manifest = new JsonObject
        {
            ["name"] = EntityNaming.Slug(blueprint.ProjectName),
            ["version"] = "1.0.0",
            ["private"] = true,
            ["main"] = stack.Layout.App.Path,
            ["scripts"] = new JsonObject
            {
                ["start"] = stack.Commands.Start.ShellLine,
                ["test"] = stack.Commands.Test.ShellLine,
            },
            ["dependencies"] = Ranges(stack.Packages.Where(p => !p.Dev)),
        };
        if (stack.Packages.Any(p => p.Dev))
        {
            manifest["devDependencies"] = Ranges(stack.Packages.Where(p => p.Dev));
        }

        return manifest.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Ranges(IEnumerable<StackPackage> packages) =>
        new(packages.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)JsonValue.Create(p.Version))));
}
