namespace Mge.Pipeline.Storage;

/// <summary>The record tables and blob containers of the storage layout (one place, so no phase misspells one).</summary>
public static class StorageNames
{
    /// <summary>Table "runs": partition <see cref="RunsPartition"/>, row = run id.</summary>
    public const string Runs = "runs";
    public const string RunsPartition = "runs";
    public const string Discovery = "discovery";
    public const string MasterPlans = "masterplans";
    public const string Tasks = "tasks";
    public const string Atoms = "atoms";
    public const string Waves = "waves";
    public const string Results = "results";
    public const string Calls = "calls";
    public const string Events = "events";

    /// <summary>Table "verification": partition run id, row = step ("install", "test", "smoke").</summary>
    public const string Verification = "verification";

    /// <summary>Table "tests": partition run id, row = the test's number in its report ("0001").</summary>
    public const string Tests = "tests";

    /// <summary>Blob container for model responses, task files and the written workspace ("{runId}/...").</summary>
    public const string RunsContainer = "runs";

    /// <summary>Blob container for the zipped workspaces ("{runId}.zip").</summary>
    public const string WorkspacesContainer = "workspaces";
}
