using System.CommandLine;

namespace Mge.Cli.Commands;

/// <summary>The options the run commands (generate, status, resume, list) share, built fresh for each command.</summary>
public static class RunCommandOptions
{
    /// <summary>--storage: an Azure Storage connection string; the run (or the runs looked up) live there instead of the local folder.</summary>
    public static Option<string?> Storage() => new("--storage")
    {
        Description = "Azure Storage connection string (e.g. UseDevelopmentStorage=true for Azurite on its default ports). The run's records and blobs go to Table/Blob storage and the workflow runs on the Durable Task Azure Storage backend, so a run survives its process and 'mge resume' can continue it. Without it: the local folder <out>/.mge and an in-memory engine.",
        HelpName = "CONNECTION",
    };

    /// <summary>--out: the output folder (deliveries) whose ".mge" subfolder holds local runs.</summary>
    public static Option<string> Output(string purpose) => new("--out", "-o")
    {
        Description = purpose,
        DefaultValueFactory = _ => "./out",
        HelpName = "DIR",
    };

    /// <summary>--json: one JSON object (or array) on stdout.</summary>
    public static Option<bool> Json(string what) => new("--json")
    {
        Description = what,
    };
}
