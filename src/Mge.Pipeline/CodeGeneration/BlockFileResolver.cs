using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.CodeGeneration;

/// <summary>
/// Turns the code blocks of an answer into a task's files: each block's path goes through
/// <see cref="PathResolver"/> (the model's "# path:" line is untrusted: unsafe paths are rejected and noted),
/// the path line is not part of the file, and a file is never empty (an empty block gets a comment line).
/// When two blocks land on the same path the later wins, and that is noted.
/// </summary>
public static class BlockFileResolver
{
    public static IReadOnlyList<GeneratedFile> Resolve(IReadOnlyList<CodeBlock> blocks, PlanTask task, ProjectType projectType)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(task);
        var byPath = new Dictionary<string, GeneratedFile>(StringComparer.Ordinal);
        var order = new List<string>();
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            var extension = ExtensionOf(block, projectType);
            var resolved = PathResolver.Resolve(new PathResolutionInput(
                block.PathLine, task.TargetFiles, block.Code, extension, task.Name, task.Description, task.Number, index));

            var note = resolved.Note;
            if (byPath.ContainsKey(resolved.Path))
            {
                note = Join(note, $"block {index} replaced an earlier block with the same path");
            }
            else
            {
                order.Add(resolved.Path);
            }

            byPath[resolved.Path] = new GeneratedFile(resolved.Path, NonEmpty(block.Code, resolved.Path), resolved.Source, note);
        }

        return order.Select(p => byPath[p]).ToList();
    }

    /// <summary>The block's language extension: from its path line, else its info string, else the stack's language.</summary>
    internal static string ExtensionOf(CodeBlock block, ProjectType projectType)
    {
        if (block.PathLine is { } path && WorkspacePath.TryNormalize(path, out var normalized, out _))
        {
            var fromPath = Path.GetExtension(normalized);
            if (fromPath.Length > 1)
            {
                return fromPath.ToLowerInvariant();
            }
        }

        var info = block.Info.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.ToLowerInvariant();
        return info switch
        {
            "python" or "py" or "python3" => ".py",
            "javascript" or "js" or "node" or "cjs" => ".js",
            "typescript" or "ts" => ".ts",
            "json" => ".json",
            "html" => ".html",
            "yaml" or "yml" => ".yml",
            "markdown" or "md" => ".md",
            "toml" => ".toml",
            "ini" or "cfg" => ".ini",
            _ => ProjectStacks.For(projectType).Language == CodeIntelligence.Languages.SourceLanguage.Python ? ".py" : ".js",
        };
    }

    /// <summary>Files are never empty: a block with no code gets a one-line comment saying so.</summary>
    private static string NonEmpty(string code, string path)
    {
        if (code.Trim().Length > 0)
        {
            return code.EndsWith('\n') ? code : code + "\n";
        }

        var comment = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".py" or ".yml" or ".yaml" or ".toml" or ".ini" or ".txt" or ".sh" => "#",
            ".md" or ".html" => null,
            _ => "//",
        };
        return comment is null ? "<!-- intentionally empty -->\n" : $"{comment} intentionally empty\n";
    }

    private static string? Join(string? first, string second) => first is null ? second : first + "; " + second;
}
