using Mge.CodeIntelligence.Paths;

namespace Mge.Pipeline.Storage;

/// <summary>
/// Deterministic row keys and blob names of the storage layout. Numbers are zero-padded so that keys sort
/// in numeric order; an activity that runs twice computes the same keys and overwrites its own rows.
/// </summary>
public static class StorageKeys
{
    public const string DiscoveryRow = "document";
    public const string MasterPlanRow = "plan";
    public const string WavePlanRow = "plan";

    /// <summary>Task row: "0007".</summary>
    public static string Task(int taskNumber) => taskNumber.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Atom row: "{file ordinal:D4}-{atom index:D5}", the file ordinal being the path's position in the sorted list of all code files.</summary>
    public static string Atom(int fileOrdinal, int atomIndex) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fileOrdinal:D4}-{atomIndex:D5}");

    /// <summary>Execution result row: "{wave:D4}-{atom row key}".</summary>
    public static string Result(int wave, string atomRowKey) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{wave:D4}-{atomRowKey}");

    /// <summary>Prefix of a wave's execution results ("0003-").</summary>
    public static string ResultPrefix(int wave) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{wave:D4}-");

    /// <summary>The model call keys of the spec: "discovery", "masterplan", "code-0007", "repair-0007-a2", "atom-0003-00012-a1".</summary>
    public static class Calls
    {
        public const string Discovery = "discovery";
        public const string MasterPlan = "masterplan";

        /// <summary>"discovery" for attempt 1, "discovery-a2" for a retry after unparseable JSON.</summary>
        public static string DiscoveryAttempt(int attempt) => attempt <= 1 ? Discovery : $"{Discovery}-a{attempt}";

        public static string MasterPlanAttempt(int attempt) => attempt <= 1 ? MasterPlan : $"{MasterPlan}-a{attempt}";

        public static string Code(int taskNumber) => $"code-{Task(taskNumber)}";

        /// <summary>Prefix of all of a task's calls of one kind ("code-0007", "repair-0007-").</summary>
        public static string RepairPrefix(int taskNumber) => $"repair-{Task(taskNumber)}-";

        public static string Repair(int taskNumber, int attempt) => $"{RepairPrefix(taskNumber)}a{attempt}";

        /// <summary>Atom repair: "atom-{atom row key}-a{attempt}".</summary>
        public static string AtomRepair(string atomRowKey, int attempt) => $"atom-{atomRowKey}-a{attempt}";
    }

    /// <summary>Blob names (container <see cref="StorageNames.RunsContainer"/> unless said otherwise).</summary>
    public static class Blobs
    {
        /// <summary>A model response: "{runId}/calls/{key}.md".</summary>
        public static string CallResponse(string runId, string callKey) => $"{runId}/calls/{callKey}.md";

        /// <summary>The prompt sent for a call: "{runId}/calls/{key}.prompt.md".</summary>
        public static string CallPrompt(string runId, string callKey) => $"{runId}/calls/{callKey}.prompt.md";

        /// <summary>A task's file: "{runId}/tasks/{NNNN}/{path}"; the path must already be a normalised workspace path.</summary>
        public static string TaskFile(string runId, int taskNumber, string workspacePath) =>
            $"{runId}/tasks/{Task(taskNumber)}/{WorkspacePath.Normalize(workspacePath)}";

        /// <summary>A written workspace file: "{runId}/workspace/{path}".</summary>
        public static string WorkspaceFile(string runId, string workspacePath) =>
            $"{runId}/workspace/{WorkspacePath.Normalize(workspacePath)}";

        public static string WorkspacePrefix(string runId) => $"{runId}/workspace/";

        /// <summary>The zipped workspace, container <see cref="StorageNames.WorkspacesContainer"/>: "{runId}.zip".</summary>
        public static string WorkspaceZip(string runId) => $"{runId}.zip";

        /// <summary>The wave plan when it does not fit in a record: "{runId}/waves/plan.json".</summary>
        public static string WavePlan(string runId) => $"{runId}/waves/plan.json";
    }
}
