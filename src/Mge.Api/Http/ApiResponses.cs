using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Mge.Api.Http;

/// <summary>The API's responses: JSON with <see cref="ApiJson.Options"/>, and RFC 7807 problems (application/problem+json with type, title, status, detail, errors).</summary>
public static class ApiResponses
{
    public const string ProblemContentType = "application/problem+json";

    public static JsonResult Json(object value, int status = StatusCodes.Status200OK) =>
        new(value, ApiJson.Options) { StatusCode = status, ContentType = "application/json; charset=utf-8" };

    /// <param name="errors">Per field (JSON path, "request", "options.concurrency"), what is wrong with it; empty when the problem is not about fields.</param>
    public static JsonResult Problem(int status, string type, string title, string detail, IDictionary<string, string[]>? errors = null)
    {
        var problem = new ValidationProblemDetails(errors ?? new Dictionary<string, string[]>())
        {
            Type = type,
            Title = title,
            Status = status,
            Detail = detail,
        };
        return new JsonResult(problem, ApiJson.Options) { StatusCode = status, ContentType = ProblemContentType };
    }

    public static JsonResult RunNotFound(string runId) => Problem(
        StatusCodes.Status404NotFound, ProblemTypes.RunNotFound, "No such run", $"No run '{runId}' exists.");
}
