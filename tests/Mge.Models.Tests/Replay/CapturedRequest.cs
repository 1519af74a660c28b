using System.Collections.Specialized;
using System.Text.Json;

namespace Mge.Models.Tests.Replay;

/// <summary>A request the replay server received.</summary>
internal sealed record CapturedRequest(string Method, string PathAndQuery, NameValueCollection Headers, string Body)
{
    public string Path => PathAndQuery.Split('?')[0];

    public string? Header(string name) => Headers[name];

    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
