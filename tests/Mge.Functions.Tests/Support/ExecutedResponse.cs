using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mge.Functions.Tests.Support;

/// <summary>What a function's result wrote to the HTTP response: status, headers and body, as a client would see them.</summary>
internal sealed record ExecutedResponse(int Status, IHeaderDictionary Headers, byte[] Body)
{
    public string? ContentType => Headers.ContentType.ToString() is { Length: > 0 } value ? value : null;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    /// <summary>The RFC 7807 body, checked for its required members and content type.</summary>
    public JsonElement Problem(int expectedStatus)
    {
        Assert.Equal(expectedStatus, Status);
        Assert.StartsWith("application/problem+json", ContentType, StringComparison.Ordinal);
        var problem = Json();
        Assert.Equal(expectedStatus, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("urn:mge:problem:", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
        return problem;
    }
}
