using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Mge.Models.Offline.Blueprint;
using Mge.Models.Offline.Conversation;
using Mge.Models.Offline.Discovery;
using Mge.Models.Offline.Planning;
using Mge.Models.Offline.Repair;
using Mge.Models.Offline.Stacks;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Prompting;

namespace Mge.Models.Offline;

/// <summary>
/// Produces the offline model's clean answer to a prompt from its merged mge-context: discovery and
/// planning as fenced JSON, code and repairs as one fenced block per file (first line a path comment),
/// atom repairs as one fenced block, chat as plain text.
/// </summary>
internal static class OfflineResponder
{
    private static readonly JsonSerializerOptions DocumentOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static OfflineAnswer Answer(PromptContext? context, string lastUserText)
    {
        var role = context is null ? ModelRole.Chat : InferRole(context);
        return role switch
        {
            ModelRole.Discovery => Json(DiscoveryPlurals.Add(DiscoveryComposer.Compose(RequestOf(context!), context!.ProjectType)), "aggregates", "entities"),
            ModelRole.Planning => Json(MasterPlanComposer.Compose(BlueprintOf(context!)), "milestones", "tasks"),
            ModelRole.Code => new OfflineAnswer(CodeFiles(context!, PathsOfTask(context!)), AnswerShape.Code),
            // An atom's scope is "" at module level: any atom_scope, even empty, marks an atom repair.
            ModelRole.Repair when context!.AtomScope is not null || context.Task is null && context.FailedPath is null && context.FailedCode is not null
                => new OfflineAnswer(AtomRepair(context), AnswerShape.Code),
            ModelRole.Repair => new OfflineAnswer(CodeFiles(context!, RepairPaths(context!)), AnswerShape.Code),
            _ => new OfflineAnswer(ChatReply.Answer(lastUserText), AnswerShape.Text),
        };
    }

    /// <summary>The role the context declares; without one, what its contents imply.</summary>
    private static ModelRole InferRole(PromptContext context) => context.Role ?? context switch
    {
        { FailedCode: not null } => ModelRole.Repair,
        { Task: not null } => ModelRole.Code,
        { Discovery: not null } => ModelRole.Planning,
        { Request: not null } => ModelRole.Discovery,
        _ => ModelRole.Chat,
    };

    private static string RequestOf(PromptContext context) =>
        context.Request ?? throw new InvalidOperationException("A discovery prompt's mge-context must carry the request.");

    private static ProjectBlueprint BlueprintOf(PromptContext context)
    {
        var discovery = context.Discovery ?? DiscoveryComposer.Compose(
            context.Request ?? throw new InvalidOperationException("The mge-context carries neither a discovery document nor a request."),
            context.ProjectType);
        var type = context.ProjectType
            ?? ProjectTypeNames.TryParse(discovery.ProjectType)
            ?? RequestAnalyzer.Analyze(context.Request ?? "", null).ProjectType;
        return BlueprintBuilder.Build(discovery, type);
    }

    private static OfflineAnswer Json<T>(T document, params string[] derivedProperties)
    {
        var node = JsonSerializer.SerializeToNode(document, DocumentOptions)!.AsObject();

        // Computed convenience properties of the contract records (flattened views) are not part of the document.
        foreach (var name in derivedProperties)
        {
            node.Remove(name);
        }

        return new OfflineAnswer($"```json\n{node.ToJsonString(DocumentOptions)}\n```\n", AnswerShape.Json);
    }

    private static IReadOnlyList<string> PathsOfTask(PromptContext context) =>
        context.Task?.TargetFiles is { Count: > 0 } files
            ? files
            : throw new InvalidOperationException("A code prompt's mge-context must carry the task with its target_files.");

    /// <summary>
    /// Every file of the task, the failed one first: a truncated or unfenced answer may have lost the
    /// others, and the pipeline asks for all failing files in one answer.
    /// </summary>
    private static IReadOnlyList<string> RepairPaths(PromptContext context)
    {
        var failed = string.IsNullOrWhiteSpace(context.FailedPath) ? null : context.FailedPath;
        var taskFiles = context.Task?.TargetFiles ?? [];
        if (failed is null)
        {
            return PathsOfTask(context);
        }

        return [failed, .. taskFiles.Where(p => p != failed)];
    }

    private static string CodeFiles(PromptContext context, IReadOnlyList<string> paths)
    {
        var blueprint = BlueprintOf(context);
        var writer = ProjectWriters.For(blueprint.ProjectType);
        var text = new StringBuilder();
        foreach (var path in paths)
        {
            var normalised = path.Replace('\\', '/').TrimStart('/');
            var content = writer.Write(blueprint, normalised) ?? UnplannedFile.Write(blueprint, normalised, context.Task);
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            text.Append(Fence(normalised, content, withPath: true));
        }

        return text.ToString();
    }

    private static string AtomRepair(PromptContext context)
    {
        var failed = context.FailedCode ?? throw new InvalidOperationException("An atom repair prompt's mge-context must carry failed_code.");
        var paths = !string.IsNullOrWhiteSpace(context.FailedPath) ? [context.FailedPath] : context.Task?.TargetFiles ?? [];
        var isPython = paths.Count == 0 ? LooksLikePython(failed) : !IsJavaScript(paths[0]);
        if (context.Discovery is not null || context.Request is not null)
        {
            var blueprint = BlueprintOf(context);
            var writer = ProjectWriters.For(blueprint.ProjectType);
            foreach (var path in paths)
            {
                var content = writer.Write(blueprint, path.Replace('\\', '/').TrimStart('/'));
                if (content is not null && AtomLocator.Locate(content, context.AtomScope, failed) is { } atom)
                {
                    return Fence(path, atom, withPath: false);
                }
            }
        }

        return Fence(paths.Count > 0 ? paths[0] : isPython ? "atom.py" : "atom.js", InjectedFaultReverser.Fix(failed, isPython), withPath: false);
    }

    private static bool LooksLikePython(string code) =>
        !code.Contains("function ", StringComparison.Ordinal) && !code.Contains("const ", StringComparison.Ordinal) && !code.Contains("require(", StringComparison.Ordinal);

    internal static bool IsJavaScript(string path) =>
        path.EndsWith(".js", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".mjs", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".cjs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ts", StringComparison.OrdinalIgnoreCase);

    /// <summary>A fenced block; the path comment line first when <paramref name="withPath"/>.</summary>
    private static string Fence(string path, string content, bool withPath)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        var (info, comment) = extension switch
        {
            ".py" => ("python", "#"),
            ".js" or ".mjs" or ".cjs" => ("javascript", "//"),
            ".ts" => ("typescript", "//"),
            ".json" => ("json", "//"),
            ".md" => ("markdown", "#"),
            ".yml" or ".yaml" => ("yaml", "#"),
            ".toml" => ("toml", "#"),
            _ => ("text", "#"),
        };
        var body = content.EndsWith('\n') ? content : content + "\n";
        return withPath ? $"```{info}\n{comment} path: {path}\n{body}```\n" : $"```{info}\n{body}```\n";
    }
}
