using Mge.Api.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Mge.Functions.Http;

/// <summary>
/// <c>GET /api/ui/{*path}</c> (anonymous: a browser cannot send a function key for its page loads): the web page,
/// the same embedded files <c>mge serve</c> serves. The page passes the <c>?code=</c> of its own URL on to the API
/// calls as x-functions-key.
/// </summary>
public sealed class WebPageFunction(WebPageHandler handler)
{
    [Function("WebPage")]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ui/{*path}")] HttpRequest request,
        string? path) => handler.Handle(request, path);
}
