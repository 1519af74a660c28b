namespace Mge.Cli;

/// <summary>
/// A problem with how <c>mge</c> was invoked (bad argument, missing path, unwritable folder). The application
/// prints its message as one line on stderr and exits with <see cref="ExitCodes.Usage"/>, never a stack trace.
/// </summary>
public sealed class CliUsageException(string message) : Exception(message);
