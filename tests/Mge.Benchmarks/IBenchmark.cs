namespace Mge.Benchmarks;

/// <summary>One named benchmark of the harness; prints its own figures to standard output.</summary>
public interface IBenchmark
{
    /// <summary>The command-line name ("engine", "pipeline", "python-parse", "waves").</summary>
    string Name { get; }

    string Description { get; }

    Task RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken);
}
