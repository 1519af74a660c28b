using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using CoreOrchestrationStatus = DurableTask.Core.OrchestrationStatus;

namespace Mge.Engine;

/// <summary>
/// Runs class-based <c>TaskOrchestrator</c>/<c>TaskActivity</c> workflows in this process: DurableTask.Core's
/// <see cref="TaskHubWorker"/> drives the SDK's shims over any Core orchestration service (in memory by
/// default; a durable backend such as Azure Storage is passed to the constructor), and a small client of its
/// own schedules instances, waits for them and reads their status with the same data converter the shims use.
/// </summary>
public sealed class EmbeddedEngine : IAsyncDisposable
{
    private readonly EmbeddedEngineOptions options;
    private readonly IServiceProvider services;
    private readonly ILoggerFactory loggerFactory;
    private readonly DurableTaskShimFactory shims;
    private readonly Func<IOrchestrationService>? rebuildService;
    private IOrchestrationService service;
    private IOrchestrationServiceClient client;
    private TaskHubWorker worker;
    private IDisposable? ownedService;
    private int faultSeen;
    private readonly SemaphoreSlim lifecycle = new(1, 1);
    private bool started;
    private bool disposed;

    /// <summary>
    /// Builds an engine over <paramref name="service"/> (the work-item source) and <paramref name="client"/>
    /// (instance creation and queries; usually the same object). Activities are built per execution from a
    /// scope of <paramref name="services"/>; an <see cref="ILoggerFactory"/> registered there is used for the
    /// worker's logs.
    /// </summary>
    public EmbeddedEngine(IOrchestrationService service, IOrchestrationServiceClient client, EmbeddedEngineOptions options, IServiceProvider services)
        : this(service, client, options, services, ownedService: null, rebuildService: null)
    {
    }

    private EmbeddedEngine(
        IOrchestrationService service, IOrchestrationServiceClient client, EmbeddedEngineOptions options, IServiceProvider services,
        IDisposable? ownedService, Func<IOrchestrationService>? rebuildService)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        options.Validate();

        this.service = service;
        this.client = client;
        this.options = options;
        this.ownedService = ownedService;
        this.services = services;
        this.rebuildService = rebuildService;
        loggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = options.DataConverter }, loggerFactory);
        worker = CreateWorker(service);
    }

    private TaskHubWorker CreateWorker(IOrchestrationService service)
    {
        var capped = new WorkItemConcurrencyOverride(service, options.MaxConcurrentActivities, options.MaxConcurrentOrchestrations);
        var isTransient = options.IsTransientFailure is { } predicate
            ? ex =>
            {
                var transient = predicate(ex);
                if (transient)
                {
                    Interlocked.Exchange(ref faultSeen, 1);
                }

                return transient;
            }
            : (Func<Exception, bool>?)null;
        var worker = new TaskHubWorker(capped, loggerFactory)
        {
            // Activity exceptions reach the orchestrator as TaskFailedException with FailureDetails
            // (type, message, stack), and a failed orchestration records the same, instead of
            // binary-serialized exceptions that do not round-trip.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };

        worker.AddTaskOrchestrations(options.Orchestrators
            .Select(o => (ObjectCreator<TaskOrchestration>)new ShimOrchestrationCreator(o.Key, o.Value, services, shims))
            .ToArray());
        worker.AddTaskActivities(options.Activities
            .Select(a => (ObjectCreator<TaskActivity>)new ScopedActivityCreator(a.Key, a.Value, services, shims, isTransient))
            .ToArray());
        return worker;
    }

    /// <summary>An engine over a fresh in-memory orchestration service: nothing survives the process.</summary>
    public static EmbeddedEngine CreateInMemory(EmbeddedEngineOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var inMemory = new InMemoryOrchestrationService(services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        return new EmbeddedEngine(inMemory, inMemory, options, services);
    }

    /// <summary>
    /// An engine over the Durable Task Azure Storage backend (the one Durable Functions uses by default) in
    /// task hub <paramref name="taskHubName"/>, with the local defaults of <see cref="AzureStorageEngineSettings"/>:
    /// instances, history and queued work survive this process, so another process can pick a run up again.
    /// </summary>
    public static EmbeddedEngine CreateAzureStorage(string connectionString, string taskHubName, EmbeddedEngineOptions options, IServiceProvider services) =>
        CreateAzureStorage(new AzureStorageEngineSettings { ConnectionString = connectionString, TaskHubName = taskHubName }, options, services);

    /// <summary>
    /// An engine over the Durable Task Azure Storage backend with explicit <paramref name="settings"/>. The task
    /// hub's queues, tables and lease blobs are created by <see cref="StartAsync"/> when missing. Activity
    /// failures that <see cref="AzureStorageFaults.IsTransient"/> recognises are retried by redelivery unless
    /// <see cref="EmbeddedEngineOptions.IsTransientFailure"/> says otherwise.
    /// </summary>
    public static EmbeddedEngine CreateAzureStorage(AzureStorageEngineSettings settings, EmbeddedEngineOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        settings.Validate();
        options.Validate();
        options.IsTransientFailure ??= AzureStorageFaults.IsTransient;

        var backendSettings = new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(settings.ConnectionString),
            TaskHubName = settings.TaskHubName,
            WorkerId = settings.WorkerId,
            PartitionCount = settings.PartitionCount,
            MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = settings.QueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = settings.QueueVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
        };
        var backend = new AzureStorageOrchestrationService(backendSettings);
        return new EmbeddedEngine(backend, backend, options, services, backend, () => new AzureStorageOrchestrationService(backendSettings));
    }

    /// <summary>Creates the backend's stores if needed and starts dispatching work items. Calling it twice is harmless.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (started)
            {
                return;
            }

            await service.CreateIfNotExistsAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            await worker.StartAsync().ConfigureAwait(false);
            started = true;
        }
        finally
        {
            lifecycle.Release();
        }
    }

    /// <summary>
    /// Schedules orchestrator <paramref name="orchestratorName"/> as instance <paramref name="instanceId"/>
    /// with <paramref name="input"/> serialized by the engine's data converter. Fails with the backend's
    /// "already exists" error when that instance is still pending or running.
    /// </summary>
    public async Task<string> ScheduleAsync(string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (!options.Orchestrators.ContainsKey(orchestratorName))
        {
            throw new ArgumentException(
                $"No orchestrator is registered as '{orchestratorName}' (registered: {string.Join(", ", options.Orchestrators.Keys)}).",
                nameof(orchestratorName));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance
        {
            InstanceId = instanceId,
            // The execution id is the backend's bookkeeping, not a workflow key: any unique value does.
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var started = new ExecutionStartedEvent(-1, options.DataConverter.Serialize(input))
        {
            OrchestrationInstance = instance,
            Name = orchestratorName,
            Version = string.Empty,
        };
        var message = new TaskMessage { OrchestrationInstance = instance, Event = started };
        await client.CreateTaskOrchestrationAsync(message, [CoreOrchestrationStatus.Pending, CoreOrchestrationStatus.Running]).ConfigureAwait(false);
        return instanceId;
    }

    /// <summary>
    /// Waits until the instance completes, fails or is terminated and returns its final status.
    /// Throws <see cref="TimeoutException"/> when <paramref name="timeout"/> passes first.
    /// </summary>
    public async Task<EngineInstanceStatus> WaitForCompletionAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ObjectDisposedException.ThrowIf(disposed, this);
        var deadline = DateTime.UtcNow + timeout;
        var current = await GetStatusAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"No orchestration instance '{instanceId}' exists.");
        while (!current.IsTerminal)
        {
            var remaining = deadline - DateTime.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Orchestration '{instanceId}' did not finish within {timeout} (status {current.RuntimeStatus}).");
            }

            try
            {
                OrchestrationState? state;
                try
                {
                    if (rebuildService is not null)
                    {
                        // A rebuildable (Azure Storage) backend is polled here rather than through its own wait,
                        // which retries storage faults silently: each failed poll must be seen to know that
                        // storage was away and the worker needs replacing once it is back.
                        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                        state = null;
                    }
                    else
                    {
                        state = await client.WaitForOrchestrationAsync(instanceId, null, remaining, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Backends differ on how a wait runs out: Azure Storage returns null, the in-memory service
                    // cancels. Both mean "not finished yet"; the loop reads the status and checks the deadline.
                    state = null;
                }

                current = (state is null ? await GetStatusAsync(instanceId, cancellationToken).ConfigureAwait(false) : ToStatus(state)) ?? current;
                if (!current.IsTerminal && Interlocked.Exchange(ref faultSeen, 0) == 1)
                {
                    await RecycleWorkerAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (options.IsTransientFailure?.Invoke(ex) == true && !cancellationToken.IsCancellationRequested)
            {
                // The backend's store is briefly unreachable: the run itself is durable, so keep waiting.
                Interlocked.Exchange(ref faultSeen, 1);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }

        return current;
    }

    /// <summary>
    /// Once storage answers again after a passing fault, replaces the worker and its backend object with fresh
    /// ones. Measured against Azurite restarts: the old backend object kept stale state after an outage and
    /// advanced an orchestration only once per queue visibility timeout for about a minute; a fresh one picks
    /// the instance up after at most one visibility timeout (work the old one held is redelivered, and
    /// activities are idempotent). Only engines that own a rebuildable backend (Azure Storage) do this.
    /// </summary>
    private async Task RecycleWorkerAsync(CancellationToken cancellationToken)
    {
        if (rebuildService is null)
        {
            return;
        }

        await lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (disposed || !started)
            {
                return;
            }

            loggerFactory.CreateLogger("Mge.Engine").LogWarning(
                "Storage was unreachable for a while; restarting the durable worker now that it answers again (work held by the old worker resumes after its lock expires).");
            await worker.StopAsync(isForced: true).ConfigureAwait(false);
            worker.Dispose();
            ownedService?.Dispose();

            var fresh = rebuildService();
            service = fresh;
            client = (IOrchestrationServiceClient)fresh;
            ownedService = fresh as IDisposable;
            worker = CreateWorker(fresh);
            await service.CreateIfNotExistsAsync().ConfigureAwait(false);
            await worker.StartAsync().ConfigureAwait(false);
        }
        finally
        {
            lifecycle.Release();
        }
    }

    /// <summary>The instance's current status, or null when no such instance exists.</summary>
    public async Task<EngineInstanceStatus?> GetStatusAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var states = await client.GetOrchestrationStateAsync(instanceId, allExecutions: false).ConfigureAwait(false);
        var state = states?.FirstOrDefault(s => s is not null);
        return state is null ? null : ToStatus(state);
    }

    /// <summary>Delivers external event <paramref name="eventName"/> with <paramref name="payload"/> to a running instance.</summary>
    public async Task RaiseEventAsync(string instanceId, string eventName, object? payload, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance { InstanceId = instanceId };
        var raised = new EventRaisedEvent(-1, options.DataConverter.Serialize(payload)) { Name = eventName };
        await client.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = instance, Event = raised }).ConfigureAwait(false);
    }

    /// <summary>Stops a running instance; it ends with status Terminated and <paramref name="reason"/> as its output.</summary>
    public async Task TerminateAsync(string instanceId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ObjectDisposedException.ThrowIf(disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        await client.ForceTerminateTaskOrchestrationAsync(instanceId, reason).ConfigureAwait(false);
    }

    /// <summary>Stops dispatching (in-flight work items are abandoned, to be redelivered by a durable backend).</summary>
    public async ValueTask DisposeAsync()
    {
        await lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            if (started)
            {
                await worker.StopAsync(isForced: true).ConfigureAwait(false);
            }

            worker.Dispose();
            ownedService?.Dispose();
        }
        finally
        {
            lifecycle.Release();
        }
    }

    private EngineInstanceStatus ToStatus(OrchestrationState state) => new()
    {
        InstanceId = state.OrchestrationInstance.InstanceId,
        Name = state.Name,
        RuntimeStatus = ToRuntimeStatus(state.OrchestrationStatus),
        CreatedAtUtc = state.CreatedTime,
        LastUpdatedAtUtc = state.LastUpdatedTime,
        SerializedOutput = state.OrchestrationStatus == CoreOrchestrationStatus.Completed ? state.Output : null,
        SerializedCustomStatus = state.Status,
        Failure = ToFailure(state.FailureDetails)
            ?? (state.OrchestrationStatus is CoreOrchestrationStatus.Failed or CoreOrchestrationStatus.Terminated
                ? new EngineFailure(state.OrchestrationStatus.ToString(), state.Output ?? string.Empty, null, null)
                : null),
        Converter = options.DataConverter,
    };

    private static EngineFailure? ToFailure(FailureDetails? details) => details is null
        ? null
        : new EngineFailure(details.ErrorType, details.ErrorMessage, details.StackTrace, ToFailure(details.InnerFailure));

    private static EngineRuntimeStatus ToRuntimeStatus(CoreOrchestrationStatus status) => status switch
    {
        CoreOrchestrationStatus.Pending => EngineRuntimeStatus.Pending,
        CoreOrchestrationStatus.Running => EngineRuntimeStatus.Running,
        CoreOrchestrationStatus.Completed => EngineRuntimeStatus.Completed,
        CoreOrchestrationStatus.Failed => EngineRuntimeStatus.Failed,
        CoreOrchestrationStatus.Terminated => EngineRuntimeStatus.Terminated,
        CoreOrchestrationStatus.Canceled => EngineRuntimeStatus.Canceled,
        CoreOrchestrationStatus.Suspended => EngineRuntimeStatus.Suspended,
        CoreOrchestrationStatus.ContinuedAsNew => EngineRuntimeStatus.ContinuedAsNew,
        _ => throw new InvalidOperationException($"Unknown orchestration status {status}."),
    };
}
