using Mge.Cli.Terminal;
using Mge.Engine;
using Mge.Pipeline.Progress;
using Microsoft.Extensions.Configuration;

namespace Mge.Cli.Runs;

/// <summary>
/// The runs of one storage, opened for a command: the host, the engine (Azure Storage only; not started, it
/// only reads instances until a command starts it) and an inspector over both.
/// </summary>
public sealed class OpenedRuns : IAsyncDisposable
{
    private OpenedRuns(RunHost host, EmbeddedEngine? engine)
    {
        Host = host;
        Engine = engine;
        Inspector = new RunInspector(host, engine);
    }

    public RunHost Host { get; }

    /// <summary>The durable engine over --storage; null for local runs (their in-memory engine did not outlive its process).</summary>
    public EmbeddedEngine? Engine { get; }

    public RunInspector Inspector { get; }

    /// <summary>
    /// Resolves --out and --storage (checked: malformed or unreachable storage is a usage error) and opens the
    /// runs there. Null when local storage was asked for and "&lt;out&gt;/.mge" does not exist: there are no runs
    /// (read-only commands must not create the folder).
    /// </summary>
    public static async Task<OpenedRuns?> OpenAsync(
        CliEnvironment environment, IConfiguration configuration, TimeProvider time, string? storageArgument, string outputDirectory,
        bool createLocal, CancellationToken cancellationToken, params IProgressObserver[] observers)
    {
        var storage = await RunStorage.CheckAsync(storageArgument, outputDirectory, cancellationToken);
        if (!storage.IsAzure && !createLocal && !Directory.Exists(storage.LocalRoot))
        {
            return null;
        }

        var host = RunHost.Build(environment, configuration, time, storage, observers);
        return new OpenedRuns(host, storage.IsAzure ? host.Engine : null);
    }

    /// <summary>The resolved --out folder, as a usage error when it is not a valid path.</summary>
    public static string ResolveOutput(CliEnvironment environment, string outputArgument)
    {
        if (string.IsNullOrWhiteSpace(outputArgument))
        {
            throw new CliUsageException("--out is empty: name the folder that holds the runs (<out>/.mge) and receives deliveries.");
        }

        try
        {
            return environment.ResolvePath(outputArgument);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliUsageException($"--out {outputArgument}: not a valid path ({ex.Message}).");
        }
    }

    /// <summary>The host disposes its engine.</summary>
    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
