using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Mge.Api.Http;

/// <summary>
/// Builds the 202 answer's URLs for a started run. Hosts differ in what they know: the Functions host's durable
/// client knows the webhook base URL and its system key; a local host does not.
/// </summary>
public interface IRunManagementUrls
{
    GenerationAccepted For(DurableTaskClient client, HttpRequest request, string runId);
}
