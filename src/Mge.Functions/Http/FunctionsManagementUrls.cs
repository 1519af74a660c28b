using System.Text.Json;
using Mge.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Mge.Functions.Http;

/// <summary>
/// The management URLs of a started run inside the Functions host: the durable client the host binds knows the
/// webhook base URL and its system-key query string, so the extension's own payload is used; a client that does
/// not (a test double) gets <see cref="RequestRootedManagementUrls"/>.
/// </summary>
public sealed class FunctionsManagementUrls : IRunManagementUrls
{
    private readonly RequestRootedManagementUrls fallback = new();

    public GenerationAccepted For(DurableTaskClient client, HttpRequest request, string runId)
    {
        if (HostPayload(client, runId) is not { } host)
        {
            return fallback.For(client, request, runId);
        }

        return new GenerationAccepted(
            runId,
            host.GetProperty("statusQueryGetUri").GetString()!,
            host.GetProperty("sendEventPostUri").GetString()!,
            host.GetProperty("terminatePostUri").GetString()!,
            host.GetProperty("purgeHistoryDeleteUri").GetString()!,
            host.GetProperty("suspendPostUri").GetString()!,
            host.GetProperty("resumePostUri").GetString()!,
            RunLinks.For(request, runId));
    }

    /// <summary>
    /// The extension's payload when the client knows the host's webhook base URL (the client the Functions
    /// host binds does; its type is internal to the extension). The extension documents an
    /// InvalidOperationException for "no base URL", which is exactly the case the caller falls back on.
    /// </summary>
    private static JsonElement? HostPayload(DurableTaskClient client, string runId)
    {
        object payload;
        try
        {
            payload = client.CreateHttpManagementPayload(runId);
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        // An anonymous object: reading it back through JSON keeps to its public shape (property names).
        return JsonSerializer.SerializeToElement(payload);
    }
}
