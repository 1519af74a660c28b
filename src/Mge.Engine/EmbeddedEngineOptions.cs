using Mge.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.DependencyInjection;

namespace Mge.Engine;

/// <summary>
/// What an <see cref="EmbeddedEngine"/> runs and how much of it at once: the orchestrator and activity
/// classes (registered by name, the class name unless given), the work-item concurrency caps and the
/// data converter shared by the shims and the engine's own client.
/// </summary>
public sealed class EmbeddedEngineOptions : IWorkflowRegistrar
{
    private readonly Dictionary<string, Type> orchestrators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> activities = new(StringComparer.Ordinal);

    /// <summary>Activity work items executed at once by this process (default 64).</summary>
    public int MaxConcurrentActivities { get; set; } = 64;

    /// <summary>Orchestration work items (replays) executed at once by this process (default 16).</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>
    /// Serializes orchestration inputs, outputs, custom status and activity payloads. The shims and the
    /// engine's client use this one instance, so what <see cref="EmbeddedEngine.ScheduleAsync"/> writes is
    /// exactly what the orchestrator reads.
    /// </summary>
    public DataConverter DataConverter { get; set; } = JsonDataConverter.Default;

    /// <summary>
    /// Recognises failures that pass by themselves (e.g. storage briefly unreachable). An activity that fails
    /// with one is not reported to the orchestrator as failed: its work item is abandoned and redelivered by
    /// the backend later, and the engine's waits keep polling through them. Null (the in-memory default): every
    /// activity failure is final. <see cref="EmbeddedEngine.CreateAzureStorage(AzureStorageEngineSettings, EmbeddedEngineOptions, IServiceProvider)"/>
    /// sets <see cref="AzureStorageFaults.IsTransient"/> when none is given.
    /// </summary>
    public Func<Exception, bool>? IsTransientFailure { get; set; }

    internal IReadOnlyDictionary<string, Type> Orchestrators => orchestrators;

    internal IReadOnlyDictionary<string, Func<IServiceProvider, ITaskActivity>> Activities => activities;

    /// <summary>Registers an orchestrator class under its class name.</summary>
    public EmbeddedEngineOptions AddOrchestrator<T>()
        where T : class, ITaskOrchestrator => AddOrchestrator(typeof(T), typeof(T).Name);

    /// <summary>Registers an orchestrator class under <paramref name="name"/>.</summary>
    public EmbeddedEngineOptions AddOrchestrator<T>(string name)
        where T : class, ITaskOrchestrator => AddOrchestrator(typeof(T), name);

    /// <summary>Registers an activity class under its class name.</summary>
    public EmbeddedEngineOptions AddActivity<T>()
        where T : class, ITaskActivity => AddActivity(typeof(T), typeof(T).Name);

    /// <summary>Registers an activity class under <paramref name="name"/> (a test double can stand in for a real activity's name).</summary>
    public EmbeddedEngineOptions AddActivity<T>(string name)
        where T : class, ITaskActivity => AddActivity(typeof(T), name);

    /// <summary>Registers an orchestrator type (it must implement <see cref="ITaskOrchestrator"/>).</summary>
    public EmbeddedEngineOptions AddOrchestrator(Type orchestratorType, string name)
    {
        Register(orchestrators, orchestratorType, name, typeof(ITaskOrchestrator), "orchestrator");
        return this;
    }

    /// <summary>Registers an activity type (it must implement <see cref="ITaskActivity"/>); a fresh instance is built per execution.</summary>
    public EmbeddedEngineOptions AddActivity(Type activityType, string name)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        if (!typeof(ITaskActivity).IsAssignableFrom(activityType) || activityType.IsAbstract || activityType.IsInterface)
        {
            throw new ArgumentException($"{activityType.FullName} is not a concrete {nameof(ITaskActivity)}.", nameof(activityType));
        }

        return AddActivity(name, services => (ITaskActivity)ActivatorUtilities.CreateInstance(services, activityType));
    }

    /// <summary>Registers activity <paramref name="name"/>, built per execution by <paramref name="create"/> from that execution's service scope.</summary>
    public EmbeddedEngineOptions AddActivity(string name, Func<IServiceProvider, ITaskActivity> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(create);
        if (!activities.TryAdd(name, create))
        {
            throw new ArgumentException($"The activity name '{name}' is already registered.", nameof(name));
        }

        return this;
    }

    void IWorkflowRegistrar.RegisterOrchestrator(string name, Type orchestratorType) => AddOrchestrator(orchestratorType, name);

    void IWorkflowRegistrar.RegisterActivity(string name, Func<IServiceProvider, ITaskActivity> create) => AddActivity(name, create);

    internal void Validate()
    {
        if (MaxConcurrentActivities < 1)
        {
            throw new InvalidOperationException($"{nameof(MaxConcurrentActivities)} must be at least 1 (was {MaxConcurrentActivities}).");
        }

        if (MaxConcurrentOrchestrations < 1)
        {
            throw new InvalidOperationException($"{nameof(MaxConcurrentOrchestrations)} must be at least 1 (was {MaxConcurrentOrchestrations}).");
        }

        if (orchestrators.Count == 0)
        {
            throw new InvalidOperationException("No orchestrator is registered: call AddOrchestrator<T>() before starting the engine.");
        }
    }

    private static void Register(Dictionary<string, Type> target, Type type, string name, Type contract, string kind)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!contract.IsAssignableFrom(type) || type.IsAbstract || type.IsInterface)
        {
            throw new ArgumentException($"{type.FullName} is not a concrete {contract.Name}.", nameof(type));
        }

        if (target.TryGetValue(name, out var existing) && existing != type)
        {
            throw new ArgumentException($"The {kind} name '{name}' is already registered for {existing.FullName}.", nameof(name));
        }

        target[name] = type;
    }
}
