using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using CoreTaskActivity = DurableTask.Core.TaskActivity;
using CoreTaskContext = DurableTask.Core.TaskContext;

namespace Mge.Engine;

/// <summary>
/// Runs one activity execution inside its own DI scope: the activity is built from that scope (so it takes
/// dependencies such as a phase service and its scoped stores), wrapped in the SDK's shim (which deserializes the input and serializes the result with
/// the shared data converter), and the scope is disposed when the execution ends.
/// </summary>
internal sealed class ScopedActivity(
    string name, Func<IServiceProvider, ITaskActivity> create, IServiceProvider services, DurableTaskShimFactory shims, Func<Exception, bool>? isTransientFailure) : CoreTaskActivity
{
    public override async Task<string> RunAsync(CoreTaskContext context, string input)
    {
        await using var scope = services.CreateAsyncScope();
        var activity = create(scope.ServiceProvider);
        var shim = shims.CreateActivity(new TaskName(name), activity);
        try
        {
            return await shim.RunAsync(context, input).ConfigureAwait(false);
        }
        catch (Exception ex) when (isTransientFailure is not null && ex is not SessionAbortedException && isTransientFailure(ex))
        {
            // A passing fault (storage briefly away) must not fail the run: the dispatcher abandons the work
            // item on SessionAbortedException and the backend redelivers it after a back-off. Activities are
            // idempotent, so running this one again is safe.
            throw new SessionAbortedException($"Activity {name} hit a transient fault and will be retried: {ex.Message}");
        }
    }

    // TaskHubWorker's dispatcher only calls RunAsync; the synchronous entry point exists on the Core base
    // class, so it runs the same code to completion rather than pretending to be unsupported.
    public override string Run(CoreTaskContext context, string input) => RunAsync(context, input).GetAwaiter().GetResult();
}
