using System.Text;

namespace Mge.Models.Tests.Replay;

/// <summary>One recorded HTTP response read from tests/Mge.Models.Tests/Recordings (status line, headers, blank line, body).</summary>
internal sealed record Recording(string Name, int StatusCode, string ReasonPhrase, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
{
    public static Recording Load(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Recordings", name);
        var text = File.ReadAllText(path, Encoding.UTF8);
        var separator = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new InvalidDataException($"Recording {name} has no blank line between headers and body.");
        }

        var head = text[..separator].Split('\n');
        var status = head[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(status[1], out var code))
        {
            throw new InvalidDataException($"Recording {name} does not start with an HTTP status line: '{head[0]}'.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new InvalidDataException($"Recording {name} has a malformed header line: '{line}'.");
            }

            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        return new Recording(name, code, status.Length > 2 ? status[2] : string.Empty, headers, text[(separator + 2)..]);
    }

    public bool IsEventStream => Headers.Any(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) && h.Value.StartsWith("text/event-stream", StringComparison.Ordinal));
}
