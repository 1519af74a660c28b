using Mge.Cli;
using Mge.Cli.Terminal;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C asks the run to stop cleanly; a second one, while that is under way, ends the process.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};

return await CliApplication.RunAsync(args, CliEnvironment.FromConsole(), cancellation.Token);
