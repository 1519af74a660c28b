namespace Mge.Functions.Http;

/// <summary>
/// The 202 answer to a start request: the run id (also the orchestration instance id) and the Durable
/// Functions management URLs, in the shape of <c>CreateHttpManagementPayload</c>, plus the run's own status URL.
/// </summary>
public sealed record GenerationAccepted(
    string RunId,
    string Id,
    string StatusUri,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri,
    string SuspendPostUri,
    string ResumePostUri);
