using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Atomization;
using Mge.Pipeline.Delivery;
using Mge.Pipeline.Infrastructure;
using Mge.Pipeline.Prompting;
using Mge.Pipeline.Requests;
using Mge.Pipeline.Tests.Infrastructure;
using Mge.Pipeline.Waves;
using Mge.Pipeline.Workspace;
using Mge.Pipeline.Domain;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;
using Mge.Pipeline.Storage;
using Moq;

namespace Mge.Pipeline.Tests.Atomization;

/// <summary>
/// Phases 5-10 over in-memory storage with the real gateway, journal and progress publisher, the
/// predictable <see cref="LineLanguageService"/> and a Moq'd chat client whose answers a test queues.
/// </summary>
internal sealed class PhaseHarness
{
    public const string RunId = "run-0001";

    private readonly Queue<string> _answers = new();

    public PhaseHarness(ProjectType? projectType = null, int maxAtomRepairAttempts = 2, ILanguageService? language = null)
    {
        ProjectType = projectType ?? ProjectType.FastApi;
        MaxAtomRepairAttempts = maxAtomRepairAttempts;
        Chat = new Mock<IChatClient>(MockBehavior.Strict);
        Chat.Setup(c => c.GetResponseAsync(It.IsAny<IEnumerable<ChatMessage>>(), It.IsAny<ChatOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((IEnumerable<ChatMessage> messages, ChatOptions? _, CancellationToken _) =>
            {
                Prompts.Add(messages.ToList());
                var text = _answers.Count > 0 ? _answers.Dequeue() : throw new InvalidOperationException("The test queued no model answer for this call.");
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
                {
                    ModelId = "test-model",
                    Usage = new UsageDetails { InputTokenCount = 100, OutputTokenCount = 20 },
                };
            });
        Chat.Setup(c => c.GetService(It.IsAny<Type>(), It.IsAny<object?>())).Returns((object?)null);

        var options = Options.Create(new PipelineOptions());
        var records = new InMemoryRecordStore();
        Repository = new RunRepository(records, new InMemoryBlobStore());
        var progress = new ProgressPublisher(records, [], NullLogger<ProgressPublisher>.Instance);
        Journal = new RunJournal(Repository, progress, new GenerationRequestValidator(options), TimeProvider.System);
        var gateway = new ModelGateway(
            Chat.Object, Repository, new CostCalculator(Options.Create(new PriceTable()), NullLogger<CostCalculator>.Instance),
            progress, options, TimeProvider.System, NullLogger<ModelGateway>.Instance);
        var languages = new LanguageServices([language ?? Language]);
        var plans = new WavePlanStore(Repository);
        Atomization = new AtomizationPhase(Repository, Journal, languages, progress);
        WavePlanning = new WavePlanningPhase(Repository, Journal, plans, progress);
        WaveExecution = new WaveExecutionPhase(Repository, Journal, plans, languages, gateway, new PromptBuilder(), progress);
        FileWriting = new FileWritingPhase(Repository, Journal, progress);
        Infrastructure = new InfrastructurePhase(Repository, Journal, TestRenderers.Default(), progress);
        Delivery = new DeliveryPhase(Repository, Journal, plans, progress, new Mge.Pipeline.Verification.VerificationStore(Repository));
    }

    public ProjectType ProjectType { get; }

    public int MaxAtomRepairAttempts { get; }

    public LineLanguageService Language { get; } = new();

    public Mock<IChatClient> Chat { get; }

    public List<List<ChatMessage>> Prompts { get; } = [];

    public RunRepository Repository { get; }

    public RunJournal Journal { get; }

    public AtomizationPhase Atomization { get; }

    public WavePlanningPhase WavePlanning { get; }

    public WaveExecutionPhase WaveExecution { get; }

    public FileWritingPhase FileWriting { get; }

    public InfrastructurePhase Infrastructure { get; }

    public DeliveryPhase Delivery { get; }

    public void Answer(string text) => _answers.Enqueue(text);

    public async Task<IReadOnlyList<ProgressEvent>> EventsAsync(string type) =>
        (await Repository.ListEventsAsync(RunId)).Where(e => e.Type == type).ToList();

    /// <summary>Creates the run, its discovery and masterplan, and one task per entry of <paramref name="tasks"/> with its files.</summary>
    public async Task SeedAsync(params (int Number, (string Path, string Text)[] Files)[] tasks)
    {
        await Journal.CreateAsync(new GenerationRequest(
            RunId,
            "Create a REST API for task management with users and tasks",
            new GenerationOptions { ProjectType = ProjectType, MaxAtomRepairAttempts = MaxAtomRepairAttempts },
            DateTimeOffset.UnixEpoch));

        var name = ProjectType.ToString().ToLowerInvariant();
        await Repository.SaveDiscoveryAsync(RunId, new DiscoveryRecord
        {
            DiscoveryId = RunId,
            SessionId = RunId,
            Document = SampleProjects.Discovery(name),
            ProjectType = ProjectType,
            ProjectTypeSource = "options",
            Usage = UsageTotals.Zero,
            CreatedAt = DateTimeOffset.UnixEpoch,
        });
        await Repository.SaveMasterPlanAsync(RunId, new MasterPlanRecord
        {
            MasterPlanId = RunId,
            DiscoveryId = RunId,
            ProjectName = "Task Tracker API",
            ProjectType = ProjectType,
            Plan = SampleProjects.Plan(name),
            TotalPhases = 1,
            TotalMilestones = 1,
            TotalTasks = tasks.Length,
            PlanningUsage = UsageTotals.Zero,
            CreatedAt = DateTimeOffset.UnixEpoch,
        });

        foreach (var (number, files) in tasks)
        {
            var records = new List<TaskFileRecord>();
            foreach (var (path, text) in files)
            {
                if (WorkspacePath.TryNormalize(path, out _, out _))
                {
                    records.AddRange(await Repository.SaveTaskFilesAsync(RunId, number, [new GeneratedFile(path, text)]));
                }
                else
                {
                    // A path that slipped past resolution (a bug elsewhere, or tampered storage): stored under a safe blob name.
                    var blob = $"{RunId}/tasks/{StorageKeys.Task(number)}/unsafe-{records.Count}";
                    await Repository.PutTextAsync(StorageNames.RunsContainer, blob, text);
                    records.Add(new TaskFileRecord(path, blob, PathSource.ExplicitMetadata, null, text.Length));
                }
            }

            await Repository.SaveTaskAsync(RunId, new TaskRecord
            {
                Number = number,
                Name = $"Task {number}",
                Status = TaskStates.Valid,
                Files = records,
                ChecksSkipped = ["types"],
            });
        }
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

}
