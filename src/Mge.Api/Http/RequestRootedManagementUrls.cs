using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Mge.Api.Http;

/// <summary>
/// The management URLs of a started run rooted at the incoming request's host, in the shape of the Durable
/// Functions webhook routes, without a key: what a host whose durable client knows no webhook base URL answers
/// (<see cref="IRunManagementUrls"/>'s default; the Functions app prefers the extension's own payload).
/// </summary>
public sealed class RequestRootedManagementUrls : IRunManagementUrls
{
    public GenerationAccepted For(DurableTaskClient client, HttpRequest request, string runId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var links = RunLinks.For(request, runId);
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}/runtime/webhooks/durabletask/instances/{Uri.EscapeDataString(runId)}";
        return new GenerationAccepted(
            runId,
            instance,
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            instance,
            instance + "/suspend?reason={text}",
            instance + "/resume?reason={text}",
            links);
    }
}
