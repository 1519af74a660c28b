using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mge.CodeIntelligence.Languages;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Runs;
using Moq;

namespace Mge.Pipeline.Tests.Runs;

/// <summary>
/// The pipeline wired as a host wires it (AddMgePipeline + in-memory storage) around a Moq'd IChatClient that
/// answers with scripted, recorded-looking responses per role, and a recording progress observer.
/// </summary>
internal sealed partial class PipelineTestHost : IDisposable
{
    private readonly Dictionary<string, Queue<ChatResponse>> _answers = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public PipelineTestHost(Action<IServiceCollection>? configure = null, bool realLanguageServices = false)
    {
        Chat = new Mock<IChatClient>(MockBehavior.Strict);
        Chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken _) => Task.FromResult(Respond(messages.ToList(), options)));
        Chat.Setup(c => c.GetStreamingResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((IEnumerable<ChatMessage> messages, ChatOptions? options, CancellationToken _) => Stream(Respond(messages.ToList(), options)));
        Chat.Setup(c => c.GetService(It.IsAny<Type>(), It.IsAny<object?>())).Returns((object?)null);

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(Chat.Object);
        services.AddSingleton<IProgressObserver>(Observer);
        services.AddMgePipeline();
        services.AddMgeInMemoryStorage();
        if (!realLanguageServices)
        {
            services.AddSingleton<ILanguageService, MarkerLanguageService>();
        }

        configure?.Invoke(services);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public Mock<IChatClient> Chat { get; }

    public ServiceProvider Services { get; }

    public RecordingObserver Observer { get; } = new();

    /// <summary>Every call that reached the model: the role read from the context block and the messages.</summary>
    public List<(string Role, IReadOnlyList<ChatMessage> Messages)> Calls { get; } = [];

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public void Answer(ModelRole role, string text, long? inputTokens = 1000, long? outputTokens = 500, long? cachedTokens = null, string? model = "gpt-4o-mini", ChatFinishReason? finishReason = null)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = model,
            FinishReason = finishReason ?? ChatFinishReason.Stop,
            Usage = inputTokens is null && outputTokens is null
                ? null
                : new UsageDetails { InputTokenCount = inputTokens, OutputTokenCount = outputTokens, CachedInputTokenCount = cachedTokens },
        };
        lock (_gate)
        {
            var key = RoleName(role);
            if (!_answers.TryGetValue(key, out var queue))
            {
                _answers[key] = queue = new Queue<ChatResponse>();
            }

            queue.Enqueue(response);
        }
    }

    public async Task<string> CreateRunAsync(string request = SampleAnswers.Request, GenerationOptions? options = null, string runId = "run-1")
    {
        await Get<RunJournal>().CreateAsync(new GenerationRequest(runId, request, options ?? new GenerationOptions(), DateTimeOffset.UnixEpoch));
        return runId;
    }

    /// <summary>Creates a run and takes it through discovery and the masterplan with the sample answers.</summary>
    public async Task<string> PlannedRunAsync(string plan = SampleAnswers.Plan, string request = SampleAnswers.Request)
    {
        var runId = await CreateRunAsync(request);
        Answer(ModelRole.Discovery, SampleAnswers.Discovery);
        Answer(ModelRole.Planning, plan);
        await Get<Mge.Pipeline.Discovery.DiscoveryPhase>().RunAsync(runId);
        await Get<Mge.Pipeline.Planning.MasterPlanPhase>().RunAsync(runId);
        return runId;
    }

    public void Dispose() => Services.Dispose();

    private ChatResponse Respond(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var text = string.Join("\n", messages.Select(m => m.Text));
        var role = RolePattern().Match(text) is { Success: true } match ? match.Groups[1].Value : "unknown";
        lock (_gate)
        {
            Calls.Add((role, messages));
            Options.Add(options);
            if (_answers.TryGetValue(role, out var queue) && queue.Count > 0)
            {
                return queue.Dequeue();
            }
        }

        throw new InvalidOperationException($"The test scripted no (more) answers for role '{role}'.");
    }

    /// <summary>Chunk size of streamed answers: small, so that a streamed call reports its tokens several times.</summary>
    public const int StreamChunkCharacters = 40;

    /// <summary>The options of every call that reached the model, in order.</summary>
    public List<ChatOptions?> Options { get; } = [];

    /// <summary>A scripted answer as a provider streams it: text chunks, then the usage and finish reason.</summary>
    private static async IAsyncEnumerable<ChatResponseUpdate> Stream(ChatResponse response)
    {
        var text = response.Text;
        for (var start = 0; start < text.Length; start += StreamChunkCharacters)
        {
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(start, Math.Min(StreamChunkCharacters, text.Length - start))) { ModelId = response.ModelId };
        }

        var contents = new List<AIContent>();
        if (response.Usage is { } usage)
        {
            contents.Add(new UsageContent(usage));
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, contents) { ModelId = response.ModelId, FinishReason = response.FinishReason };
    }

    private static string RoleName(ModelRole role) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(role.ToString());

    [GeneratedRegex("\"role\":\"([a-z_]+)\"")]
    private static partial Regex RolePattern();
}

/// <summary>Collects the events the publisher forwards.</summary>
internal sealed class RecordingObserver : IProgressObserver
{
    private readonly List<ProgressEvent> _events = [];

    public IReadOnlyList<ProgressEvent> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToList();
            }
        }
    }

    public ValueTask OnEventAsync(ProgressEvent progressEvent, CancellationToken cancellationToken)
    {
        lock (_events)
        {
            _events.Add(progressEvent);
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A stand-in language service for .py files so that validation tests do not depend on the real parser:
/// a line containing "SYNTAX_ERROR" is an error at that line; "types" is always reported as skipped.
/// </summary>
internal sealed class MarkerLanguageService : ILanguageService
{
    public SourceLanguage Language => SourceLanguage.Python;

    public IReadOnlyList<string> FileExtensions { get; } = [".py"];

    public FileValidation Validate(SourceFile file, ProjectContext project, CancellationToken cancellationToken = default)
    {
        var diagnostics = file.Text.Split('\n')
            .Select((line, index) => (line, index))
            .Where(x => x.line.Contains("SYNTAX_ERROR", StringComparison.Ordinal))
            .Select(x => new Diagnostic(x.index + 1, x.line.IndexOf("SYNTAX_ERROR", StringComparison.Ordinal) + 1, DiagnosticSeverity.Error, "syntax", "invalid syntax"))
            .ToList();
        return new FileValidation(file.Path, SourceLanguage.Python, diagnostics, ["syntax"], ["types"]);
    }

    public CodeIntelligence.Atomization.AtomizedFile Atomize(SourceFile file, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("Atomization is not part of the validation tests.");
}
