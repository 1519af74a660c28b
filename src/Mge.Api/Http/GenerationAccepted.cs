namespace Mge.Api.Http;

/// <summary>
/// The 202 answer to a start request: the run id (also the orchestration instance id), the Durable Functions
/// management URLs in the shape of <c>CreateHttpManagementPayload</c>, and the run's own API links.
/// </summary>
public sealed record GenerationAccepted(
    string Id,
    string StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    string PurgeHistoryDeleteUri,
    string SuspendPostUri,
    string ResumePostUri,
    RunLinks Links);
