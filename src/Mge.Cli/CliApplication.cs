using System.CommandLine;
using System.CommandLine.Invocation;
using Mge.Cli.Terminal;

namespace Mge.Cli;

/// <summary>
/// The <c>mge</c> program as a callable: parses the arguments, runs the command and maps every outcome to
/// an exit code. Program.cs and the in-process tests both go through here, so what the tests see is what
/// a user sees. Usage errors are one line on stderr (exit 2); unexpected failures are one line too, never
/// a stack trace.
/// </summary>
public static class CliApplication
{
    /// <summary>Runs <c>mge</c> with plain writers (no terminal: progress as lines, no ANSI).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, CliEnvironment.ForWriters(stdout, stderr), cancellationToken);

    /// <summary>Runs <c>mge</c> in the given environment (the process console from Program.cs).</summary>
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default) =>
        RunAsync(args, environment, CliServices.CreateDefault(), cancellationToken);

    /// <summary>Runs <c>mge</c> with explicit services (tests substitute configuration or the clock).</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CliServices services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(services);

        var root = MgeRootCommand.Build(environment, services);
        var parseResult = root.Parse(args);

        if (parseResult.Action is ParseErrorAction)
        {
            // System.CommandLine's default reaction prints the errors followed by the whole help text; a
            // single line that says what is wrong (and where help is) is easier to read and to test.
            var command = CommandPath(parseResult);
            var message = parseResult.Errors.Count > 0
                ? string.Join(" ", parseResult.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal))
                : "invalid arguments.";
            await environment.Error.WriteLineAsync($"{command}: {message} (see '{command} --help')");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
            // Cancellation comes from our own token (Program.cs handles Ctrl+C), not from a second handler.
            ProcessTerminationTimeout = null,
        };

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliUsageException ex)
        {
            await environment.Error.WriteLineAsync($"{CommandPath(parseResult)}: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await environment.Error.WriteLineAsync($"{CommandPath(parseResult)}: cancelled.");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await environment.Error.WriteLineAsync($"{CommandPath(parseResult)}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "mge" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
