using System.Globalization;
using Microsoft.Extensions.AI;
using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// Builds the messages of every model call: a system message (role instructions and output format), then user
/// messages with human-readable instructions and one or more ```json mge-context blocks. For code and repair
/// the shared part (request, project type, discovery, plan) comes first in its own message and the
/// task-specific part last, so that the prefix is the same for every task of a run.
/// </summary>
public sealed class PromptBuilder
{
    public IReadOnlyList<ChatMessage> Discovery(string request, ProjectType? projectType, int attempt = 1, string? previousError = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request);
        var context = new PromptContext
        {
            Role = ModelRole.Discovery,
            Request = request,
            ProjectType = projectType,
            Attempt = attempt,
        };
        return WithRetry(
            [System(DiscoveryPrompt.System), User(DiscoveryPrompt.Instructions, context)],
            previousError);
    }

    public IReadOnlyList<ChatMessage> MasterPlan(string request, ProjectType projectType, DiscoveryDocument discovery, int attempt = 1, string? previousError = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request);
        ArgumentNullException.ThrowIfNull(discovery);
        var context = new PromptContext
        {
            Role = ModelRole.Planning,
            Request = request,
            ProjectType = projectType,
            Discovery = discovery,
            Attempt = attempt,
        };
        return WithRetry(
            [System(PlanningPrompt.System), User(PlanningPrompt.Instructions, context)],
            previousError);
    }

    /// <summary>One task's code: shared project block, then the task with the signatures of the files of the tasks it depends on.</summary>
    public IReadOnlyList<ChatMessage> Code(ProjectPrompt project, PlanTask task, IReadOnlyList<FileSignatures> dependencySignatures, int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(task);
        var taskContext = new PromptContext
        {
            Task = task,
            DependencySignatures = dependencySignatures,
            Attempt = attempt,
        };
        return
        [
            System(CodePrompt.System),
            User(CodePrompt.SharedInstructions, Shared(project, ModelRole.Code)),
            User(CodePrompt.TaskInstructions, taskContext),
        ];
    }

    /// <summary>
    /// A task's repair: the shared block, then the task, the first failing file as failed_path/failed_code, the
    /// errors of every failing file (prefixed with their paths) and the attempt. Further failing files are
    /// shown in the instructions, so that a model can fix them all in one answer.
    /// </summary>
    public IReadOnlyList<ChatMessage> Repair(ProjectPrompt project, PlanTask task, IReadOnlyList<FailedFile> failedFiles, IReadOnlyList<FileSignatures> dependencySignatures, int attempt)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(failedFiles);
        if (failedFiles.Count == 0)
        {
            throw new ArgumentException($"Repair of task {task.Number} needs at least one failed file.", nameof(failedFiles));
        }

        var first = failedFiles[0];
        var taskContext = new PromptContext
        {
            Task = task,
            DependencySignatures = dependencySignatures,
            FailedPath = first.Path,
            FailedCode = first.Code,
            Errors = failedFiles.SelectMany(f => f.Errors.Select(e => $"{f.Path}:{e}")).ToList(),
            Attempt = attempt,
        };

        var instructions = RepairPrompt.TaskInstructions;
        if (failedFiles.Count > 1)
        {
            var others = string.Join("\n\n", failedFiles.Skip(1).Select(f => $"Also failing, {f.Path}:\n```\n{f.Code}\n```"));
            instructions += "\n\n" + others;
        }

        return
        [
            System(RepairPrompt.System),
            User(CodePrompt.SharedInstructions, Shared(project, ModelRole.Repair)),
            User(instructions, taskContext),
        ];
    }

    /// <summary>An atom's repair (role repair, atom_scope set): the atom's code, its errors and the code of the atoms it depends on.</summary>
    public IReadOnlyList<ChatMessage> AtomRepair(
        ProjectType projectType,
        string filePath,
        string atomScope,
        string atomCode,
        IReadOnlyList<string> errors,
        IReadOnlyList<string> dependencyCode,
        int attempt)
    {
        ArgumentNullException.ThrowIfNull(atomCode);
        ArgumentNullException.ThrowIfNull(errors);
        var context = new PromptContext
        {
            Role = ModelRole.Repair,
            ProjectType = projectType,
            FailedPath = filePath,
            AtomScope = atomScope,
            FailedCode = atomCode,
            Errors = errors,
            DependencyCode = dependencyCode,
            Attempt = attempt,
        };
        return [System(RepairPrompt.AtomSystem), User(RepairPrompt.AtomInstructions, context)];
    }

    /// <summary>A chat turn: the system text, the conversation so far, then the user's message (with the run's context block when given).</summary>
    public IReadOnlyList<ChatMessage> Chat(string message, IReadOnlyList<ChatMessage>? history = null, PromptContext? runContext = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var messages = new List<ChatMessage> { System(ChatPrompt.System) };
        if (history is not null)
        {
            messages.AddRange(history);
        }

        var context = (runContext ?? new PromptContext()) with { Role = ModelRole.Chat };
        messages.Add(User(message, context));
        return messages;
    }

    /// <summary>The signatures of a set of files (those of the tasks a task depends on), files without any left out.</summary>
    public static IReadOnlyList<FileSignatures> Signatures(IEnumerable<SourceFile> files) =>
        files.Select(SignatureExtractor.Extract).Where(s => s.Signatures.Count > 0).ToList();

    private static PromptContext Shared(ProjectPrompt project, ModelRole role) => new()
    {
        Role = role,
        Request = project.Request,
        ProjectType = project.ProjectType,
        Discovery = project.Discovery,
        Plan = project.Plan,
    };

    private static IReadOnlyList<ChatMessage> WithRetry(List<ChatMessage> messages, string? previousError)
    {
        if (previousError is not null)
        {
            messages.Add(new ChatMessage(ChatRole.User, string.Format(CultureInfo.InvariantCulture, DiscoveryPrompt.RetryInstructions, previousError)));
        }

        return messages;
    }

    private static ChatMessage System(string text) => new(ChatRole.System, text);

    private static ChatMessage User(string instructions, PromptContext context) =>
        new(ChatRole.User, instructions + "\n\n" + context.ToFencedBlock());
}
