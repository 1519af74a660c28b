using Mge.Testing;

namespace Mge.Cli.Tests;

/// <summary>Runs python3, node or npm as a test oracle (never from product code) and captures the outcome.</summary>
public static class ExternalTool
{
    /// <summary>Long enough for a cold npm install on a loaded machine.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static Task<(int ExitCode, string Output)> RunAsync(string program, string workingDirectory, IEnumerable<string> arguments) =>
        ExternalProcess.RunAsync(program, arguments, workingDirectory, Timeout);
}
