using Mge.Cli.Terminal;
using Microsoft.Extensions.Configuration;

namespace Mge.Cli.Tests;

/// <summary>One in-process run of <c>mge</c>: exit code and everything written to stdout and stderr.</summary>
public sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// The setting these runs add unless a test gives its own configuration: the verification phase reports "not run:
    /// disabled" instead of installing and running each generated project (npm install alone takes ~20 s here); the
    /// Slow VerificationEndToEndTests run it for real.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> WithoutVerification =
        new Dictionary<string, string?> { ["Mge:Verification:Enabled"] = "false" };

    /// <summary>Runs <c>mge</c> with captured writers, relative paths resolved against <paramref name="workingDirectory"/>, verification off.</summary>
    public static Task<CliRun> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, WithoutVerification, args);

    /// <summary>
    /// Runs <c>mge</c> with <paramref name="configuration"/> laid over the configuration read from environment variables
    /// (keys as "Mge:Model:Provider", what Mge__Model__Provider would set), without touching the process environment,
    /// so tests running in parallel do not see each other's settings.
    /// </summary>
    public static async Task<CliRun> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string?> configuration, params string[] args)
    {
        var defaults = CliServices.CreateDefault();
        var services = defaults with
        {
            Configuration = new ConfigurationBuilder().AddConfiguration(defaults.Configuration).AddInMemoryCollection(configuration).Build(),
        };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, CliEnvironment.ForWriters(stdout, stderr, workingDirectory), services);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs <c>mge</c> with the given error writer (to react to progress lines) and cancellation, verification off.</summary>
    public static async Task<CliRun> RunAsync(string workingDirectory, TextWriter stderr, CancellationToken cancellationToken, params string[] args)
    {
        using var stdout = new StringWriter();
        var defaults = CliServices.CreateDefault();
        var services = defaults with
        {
            Configuration = new ConfigurationBuilder().AddConfiguration(defaults.Configuration).AddInMemoryCollection(WithoutVerification).Build(),
        };
        var exitCode = await CliApplication.RunAsync(args, CliEnvironment.ForWriters(stdout, stderr, workingDirectory), services, cancellationToken);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString() ?? "");
    }

    /// <summary>Non-empty stdout lines.</summary>
    public IReadOnlyList<string> StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Non-empty stderr lines.</summary>
    public IReadOnlyList<string> StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
