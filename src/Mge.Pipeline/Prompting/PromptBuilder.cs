using Microsoft.Extensions.AI;
using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Infrastructure;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// Builds the messages of every model call from the prompt templates (<see cref="PromptTemplates"/>): a system
/// message (role instructions and output format), then user messages with human-readable instructions and one
/// or more ```json mge-context blocks. For code and repair the shared part (request, project type, discovery,
/// plan, the project type's conventions) comes first in its own message and the task-specific part last, so
/// that the prefix is the same for every task of a run and a provider's prompt cache can serve it. The project
/// type's conventions (planning, code, repair) are rendered from its stack definition (prompts/stack/conventions),
/// and the project types the JSON prompts offer from the catalog. The result carries the versions of the
/// templates used, which the gateway journals with the call.
/// </summary>
public sealed class PromptBuilder
{
    private readonly PromptTemplates _templates;
    private readonly StackCatalog _stacks;

    /// <summary>Templates from the default templates directory (see <see cref="PromptTemplates.FromDefaultLocation"/>).</summary>
    public PromptBuilder()
        : this(PromptTemplates.FromDefaultLocation())
    {
    }

    public PromptBuilder(PromptTemplates templates)
        : this(templates, ProjectStacks.Catalog)
    {
    }

    /// <summary>Prompts over an explicit stack catalog (the shipped one by default).</summary>
    public PromptBuilder(PromptTemplates templates, StackCatalog stacks)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(stacks);
        _templates = templates;
        _stacks = stacks;
    }

    public PromptMessages Discovery(string request, ProjectType? projectType, int attempt = 1, string? previousError = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request);
        var context = new PromptContext
        {
            Role = ModelRole.Discovery,
            Request = request,
            ProjectType = projectType,
            Attempt = attempt,
        };
        return JsonPrompt("discovery", context, previousError);
    }

    public PromptMessages MasterPlan(string request, ProjectType projectType, DiscoveryDocument discovery, int attempt = 1, string? previousError = null)
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
        return JsonPrompt("planning", context, previousError, Conventions(projectType, discovery));
    }

    /// <summary>One task's code: shared project block, then the task with the signatures of the files of the tasks it depends on.</summary>
    public PromptMessages Code(ProjectPrompt project, PlanTask task, IReadOnlyList<FileSignatures> dependencySignatures, int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(task);
        var taskContext = new PromptContext
        {
            Task = task,
            DependencySignatures = dependencySignatures,
            Attempt = attempt,
        };
        return Compose(
            (ChatRole.System, _templates.Render("code/system", NoModel)),
            (ChatRole.User, Shared(project, ModelRole.Code)),
            (ChatRole.User, WithContext("code/task", taskContext.ToFencedBlock(), block => new { Context = block })));
    }

    /// <summary>
    /// A task's repair: the shared block, then the task, the first failing file as failed_path/failed_code, the
    /// errors of every failing file (prefixed with their paths) and the attempt. Further failing files are
    /// shown in the instructions, so that a model can fix them all in one answer.
    /// </summary>
    public PromptMessages Repair(ProjectPrompt project, PlanTask task, IReadOnlyList<FailedFile> failedFiles, IReadOnlyList<FileSignatures> dependencySignatures, int attempt)
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

        return Compose(
            (ChatRole.System, _templates.Render("repair/system", NoModel)),
            (ChatRole.User, Shared(project, ModelRole.Repair)),
            (ChatRole.User, WithContext("repair/task", taskContext.ToFencedBlock(), block => new { Context = block, AlsoFailing = failedFiles.Skip(1).ToList() })));
    }

    /// <summary>An atom's repair (role repair, atom_scope set): the atom's code, its errors and the code of the atoms it depends on.</summary>
    public PromptMessages AtomRepair(
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
        return Compose(
            (ChatRole.System, _templates.Render("atom-repair/system", NoModel)),
            (ChatRole.User, WithContext("atom-repair/user", context.ToFencedBlock(), block => new { Context = block })));
    }

    /// <summary>A chat turn: the system text, the conversation so far, then the user's message (with the run's context block when given).</summary>
    public PromptMessages Chat(string message, IReadOnlyList<ChatMessage>? history = null, PromptContext? runContext = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var system = _templates.Render("chat/system", new { ProjectTypes = DisplayNames() });
        var context = (runContext ?? new PromptContext()) with { Role = ModelRole.Chat };
        var user = WithContext("chat/user", context.ToFencedBlock(), block => new { Message = message, Context = block });
        var messages = new List<ChatMessage> { new(ChatRole.System, system.Text) };
        if (history is not null)
        {
            messages.AddRange(history);
        }

        messages.Add(new ChatMessage(ChatRole.User, user.Text));
        return new PromptMessages(messages, [system.Version, user.Version]);
    }

    /// <summary>The signatures of a set of files (those of the tasks a task depends on), files without any left out.</summary>
    public static IReadOnlyList<FileSignatures> Signatures(IEnumerable<SourceFile> files) =>
        files.Select(SignatureExtractor.Extract).Where(s => s.Signatures.Count > 0).ToList();

    /// <summary>Models for templates without variables.</summary>
    private static readonly object NoModel = new { };

    private PromptMessages JsonPrompt(string folder, PromptContext context, string? previousError, PromptPart? conventions = null)
    {
        var parts = new List<(ChatRole, PromptPart)>
        {
            (ChatRole.System, _templates.Render($"{folder}/system", new { ProjectTypes = string.Join(" | ", _stacks.All.Select(s => s.Name)) })),
            (ChatRole.User, conventions is null
                ? WithContext($"{folder}/user", context.ToFencedBlock(), block => new { Context = block })
                : WithConventions(WithContext($"{folder}/user", context.ToFencedBlock(), block => new { Context = block, Conventions = conventions.Text }), conventions)),
        };
        if (previousError is not null)
        {
            parts.Add((ChatRole.User, _templates.Render($"{folder}/retry", new { Error = previousError })));
        }

        return Compose([.. parts]);
    }

    /// <summary>
    /// The project type's conventions from its stack definition, with the exact routes of every entity the
    /// discovery found (the same routes the README documents and the smoke step requests).
    /// </summary>
    private PromptPart Conventions(ProjectType projectType, DiscoveryDocument discovery)
    {
        var stack = _stacks.For(projectType);
        var routes = discovery.Entities
            .DistinctBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => (e.Name, Resource: EntityNaming.Resource(e)))
            .Select(e => new { Entity = e.Name, Collection = stack.CollectionRoute(e.Resource), Item = stack.ItemRoute(e.Resource) })
            .ToList();
        return _templates.Render("stack/conventions", new { Stack = stack, Routes = routes });
    }

    /// <summary>A part that embeds the conventions carries their version too.</summary>
    private static PromptPart WithConventions(PromptPart part, PromptPart conventions) =>
        part with { Version = $"{part.Version}+{conventions.Version}" };

    /// <summary>"FastAPI, Django or Express".</summary>
    private string DisplayNames()
    {
        var names = _stacks.All.Select(s => s.DisplayName).ToArray();
        return names.Length == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    private PromptPart Shared(ProjectPrompt project, ModelRole role)
    {
        var context = new PromptContext
        {
            Role = role,
            Request = project.Request,
            ProjectType = project.ProjectType,
            Discovery = project.Discovery,
            Plan = project.Plan,
        };
        var conventions = Conventions(project.ProjectType, project.Discovery);
        return WithConventions(WithContext("project/shared", context.ToFencedBlock(), block => new { Context = block, Conventions = conventions.Text }), conventions);
    }

    /// <summary>Renders a template that must place the context block; one that drops it would leave the offline model (and the prompt's contract) without its data.</summary>
    private PromptPart WithContext(string name, string contextBlock, Func<string, object> model)
    {
        var part = _templates.Render(name, model(contextBlock));
        if (!part.Text.Contains(contextBlock, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Prompt template '{PromptTemplates.FolderName}/{name}' does not place the context block ({{{{ context }}}}); every user template must.");
        }

        return part;
    }

    private static PromptMessages Compose(params (ChatRole Role, PromptPart Part)[] parts) =>
        new(parts.Select(p => new ChatMessage(p.Role, p.Part.Text)), parts.SelectMany(p => p.Part.Version.Split('+')));
}
