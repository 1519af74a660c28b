using System.CommandLine;
using Mge.Cli.Runs;
using Mge.Cli.Serve;
using Mge.Cli.Terminal;
using Microsoft.Extensions.Configuration;

namespace Mge.Cli.Commands;

/// <summary>
/// <c>mge serve [--port N] [--storage CONN] [--out DIR]</c>: the HTTP API, live progress (SignalR) and the web page
/// on 127.0.0.1, for using MGE from a browser without Azure Functions Core Tools. Runs until Ctrl+C.
/// </summary>
public sealed class ServeCommand(CliEnvironment environment, IConfiguration configuration)
{
    private readonly Option<int> port = new("--port", "-p")
    {
        Description = "Port on 127.0.0.1 (0 = a free port, printed at start).",
        DefaultValueFactory = _ => 5170,
        HelpName = "N",
    };

    private readonly Option<string?> storage = RunCommandOptions.Storage();
    private readonly Option<string> output = RunCommandOptions.Output("Folder whose .mge subfolder holds the server's runs (without --storage).");

    public Command Build()
    {
        var command = new Command("serve", "Serve the HTTP API (the Functions app's routes under /api), live progress over SignalR (/hub) and the web page (/) on 127.0.0.1: watch generations in a browser. Runs until Ctrl+C.")
        {
            port,
            storage,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(port), parseResult.GetValue(storage), parseResult.GetValue(output) ?? "./out", cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(int portNumber, string? storageArgument, string outputArgument, CancellationToken cancellationToken)
    {
        if (portNumber is < 0 or > 65535)
        {
            throw new CliUsageException($"--port must be between 0 and 65535 (was {portNumber}).");
        }

        var outputDirectory = OpenedRuns.ResolveOutput(environment, outputArgument);
        var runStorage = await RunStorage.CheckAsync(storageArgument, outputDirectory, cancellationToken);
        await using var server = await ServeHost.StartAsync(new ServeSettings(portNumber, runStorage), configuration, environment, cancellationToken);
        await environment.Out.WriteLineAsync($"mge serve: listening on {server.Address} (runs in {runStorage.Description}); open it in a browser. Ctrl+C stops.");
        await environment.Out.FlushAsync(cancellationToken);
        try
        {
            await server.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the normal way to stop a server.
        }

        return ExitCodes.Success;
    }
}
