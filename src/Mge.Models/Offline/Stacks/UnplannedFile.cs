using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// Content for a path outside the stack's layout (a plan written by another model may ask for one): the
/// stack's manifest when it is one (requirements.txt, package.json), else a small valid file that says
/// what the task wanted, never an empty one.
/// </summary>
internal static class UnplannedFile
{
    public static string Write(ProjectBlueprint blueprint, string path, PlanTask? task)
    {
        var name = Path.GetFileName(path);
        var purpose = task is null ? $"Part of {blueprint.Domain}." : $"{task.Name}. {task.Description}".Trim();
        purpose = purpose.Replace('\n', ' ').Replace('\r', ' ');
        switch (name)
        {
            case "requirements.txt" when blueprint.ProjectType == ProjectType.Django:
                return "Django>=5.0\ngunicorn>=22.0\n";
            case "requirements.txt":
                return "fastapi>=0.110\nuvicorn[standard]>=0.29\nsqlalchemy>=2.0\npydantic>=2.6\nhttpx>=0.27\npytest>=8.0\n";
            case "package.json":
                return $$"""
                    {
                      "name": "{{blueprint.ProjectName}}",
                      "version": "1.0.0",
                      "private": true,
                      "scripts": {
                        "start": "node src/server.js",
                        "test": "node --test"
                      },
                      "dependencies": {
                        "express": "^4.21.2"
                      }
                    }

                    """;
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".py" => $"\"\"\"{FastApiProjectWriter.PyText(purpose)}\"\"\"\n",
            ".js" or ".cjs" or ".mjs" => $"// {purpose}\n\"use strict\";\n\nmodule.exports = {{}};\n",
            ".json" => "{}\n",
            ".md" => $"# {blueprint.Domain}\n\n{purpose}\n",
            _ => $"# {purpose}\n",
        };
    }
}
