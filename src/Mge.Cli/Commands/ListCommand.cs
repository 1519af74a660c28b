using System.CommandLine;
using System.Text.Json.Nodes;
using Mge.Cli.Runs;
using Mge.Cli.Terminal;
using Microsoft.Extensions.Configuration;

namespace Mge.Cli.Commands;

/// <summary><c>mge list</c>: the runs of a storage, newest first, with status, created time, project and cost. Exit 0, or 2 for bad storage.</summary>
public sealed class ListCommand(CliEnvironment environment, IConfiguration configuration, TimeProvider time)
{
    private readonly Option<string?> storage = RunCommandOptions.Storage();
    private readonly Option<string> output = RunCommandOptions.Output("Folder whose .mge subfolder holds local runs (without --storage).");
    private readonly Option<bool> json = RunCommandOptions.Json("Write the runs as one JSON array on stdout.");

    public Command Build()
    {
        var command = new Command("list", "List the runs (newest first) with status, created time, project and cost: the local runs under <out>/.mge, or with --storage the runs in that Azure Storage account. Exit code 0, or 2 for an unusable --storage.")
        {
            storage,
            output,
            json,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(storage), parseResult.GetValue(output) ?? "./out", parseResult.GetValue(json), cancellationToken));
        return command;
    }

    private async Task<int> RunAsync(string? storageArgument, string outputArgument, bool asJson, CancellationToken cancellationToken)
    {
        var outputDirectory = OpenedRuns.ResolveOutput(environment, outputArgument);
        await using var runs = await OpenedRuns.OpenAsync(environment, configuration, time, storageArgument, outputDirectory, createLocal: false, cancellationToken);
        var description = runs?.Host.Storage.Description ?? RunStorage.Local(outputDirectory).Description;
        var overviews = new List<RunOverview>();
        if (runs is not null)
        {
            foreach (var run in await runs.Inspector.ListAsync(cancellationToken))
            {
                overviews.Add(await runs.Inspector.OverviewAsync(run, withCounts: false, cancellationToken));
            }
        }

        if (asJson)
        {
            var array = new JsonArray(overviews.Select(o => (JsonNode)RunOverviewReport.Json(o, description)).ToArray());
            await environment.Out.WriteLineAsync(array.ToJsonString());
        }
        else if (overviews.Count == 0)
        {
            await environment.Out.WriteLineAsync($"no runs in {description}");
        }
        else
        {
            RunOverviewReport.WriteList(environment, overviews, description);
        }

        await environment.Out.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
