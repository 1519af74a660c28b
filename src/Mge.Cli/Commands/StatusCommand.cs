using System.CommandLine;
using Mge.Cli.Runs;
using Mge.Cli.Terminal;
using Microsoft.Extensions.Configuration;

namespace Mge.Cli.Commands;

/// <summary>
/// <c>mge status ID</c>: where a run stands (journal status, orchestration runtime status, current phase and
/// progress, stored row counts, tokens and cost, error, zip) and what <c>mge resume</c> can do for it.
/// Exit 0 when the run exists, 2 for an unknown id or bad storage.
/// </summary>
public sealed class StatusCommand(CliEnvironment environment, IConfiguration configuration, TimeProvider time)
{
    private readonly Argument<string> id = new("ID") { Description = "The run id (shown by 'mge generate' and 'mge list')." };
    private readonly Option<string?> storage = RunCommandOptions.Storage();
    private readonly Option<string> output = RunCommandOptions.Output("Folder whose .mge subfolder holds local runs (without --storage).");
    private readonly Option<bool> json = RunCommandOptions.Json("Write the status as one JSON object on stdout.");

    public Command Build()
    {
        var command = new Command("status", "Show where a run stands: status, orchestration status, phase and progress, row counts (tasks, atoms, results, calls, events), tokens and cost, error, zip, and whether 'mge resume' can continue it. Exit code 0 when the run exists, 2 for an unknown id or an unusable --storage.")
        {
            id,
            storage,
            output,
            json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(id) ?? "", parseResult.GetValue(storage), parseResult.GetValue(output) ?? "./out", parseResult.GetValue(json), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string runId, string? storageArgument, string outputArgument, bool asJson, CancellationToken cancellationToken)
    {
        var outputDirectory = OpenedRuns.ResolveOutput(environment, outputArgument);
        await using var runs = await OpenedRuns.OpenAsync(environment, configuration, time, storageArgument, outputDirectory, createLocal: false, cancellationToken);
        var run = runs is null ? null : await runs.Inspector.FindAsync(runId, cancellationToken);
        if (runs is null || run is null)
        {
            var where = runs?.Host.Storage.Description ?? RunStorage.Local(outputDirectory).Description;
            throw new CliUsageException($"no run '{runId}' in {where} (see 'mge list'{(storageArgument is null ? "; runs made with --storage are only found with the same --storage" : "")}).");
        }

        var overview = await runs.Inspector.OverviewAsync(run, withCounts: true, cancellationToken);
        if (asJson)
        {
            await environment.Out.WriteLineAsync(RunOverviewReport.Json(overview, runs.Host.Storage.Description).ToJsonString());
        }
        else
        {
            RunOverviewReport.WriteStatus(environment, overview, runs.Host.Storage.Description);
        }

        await environment.Out.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
