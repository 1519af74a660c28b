namespace Mge.Models.Offline;

/// <summary>
/// Simulates a provider's automatic prompt caching (OpenAI's rules): a request whose prompt starts with a
/// prefix this client has already seen is billed that prefix as cached input, once the prefix reaches
/// 1,024 tokens, in steps of 128 tokens. Prompts are kept in an LRU list (most recent first) of bounded
/// size; the longest common prefix with any remembered prompt counts. Shared leading messages (system
/// prompt, shared context block) are what such caches serve in practice.
/// </summary>
internal sealed class PromptPrefixCache(int capacity)
{
    public const int MinimumCachedTokens = 1024;
    public const int CacheIncrement = 128;

    private readonly LinkedList<string> _prompts = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// Remembers the prompt (its messages as a provider frames them) and returns its cached token count.
    /// The shared prefix is counted message by message, so whole shared messages reuse their memoised counts
    /// and only the partly shared message is tokenized.
    /// </summary>
    public int Lookup(IReadOnlyList<FramedMessage> messages)
    {
        var prompt = string.Concat(messages.Select(m => m.Framed));
        var longest = 0;
        lock (_gate)
        {
            LinkedListNode<string>? best = null;
            for (var node = _prompts.First; node is not null; node = node.Next)
            {
                var common = prompt.AsSpan().CommonPrefixLength(node.Value);
                if (common > longest)
                {
                    longest = common;
                    best = node;
                }
            }

            if (best is not null && best.Value.Length == prompt.Length && longest == prompt.Length)
            {
                _prompts.Remove(best);
                _prompts.AddFirst(best);
            }
            else
            {
                _prompts.AddFirst(prompt);
                if (_prompts.Count > capacity)
                {
                    _prompts.RemoveLast();
                }
            }
        }

        if (longest == 0)
        {
            return 0;
        }

        var tokens = 0;
        var offset = 0;
        foreach (var message in messages)
        {
            var end = offset + message.Framed.Length;
            if (end <= longest)
            {
                tokens += O200kTokenCounter.Count(message.Framed);
            }
            else
            {
                tokens += O200kTokenCounter.Count(message.Framed[..(longest - offset)]);
                break;
            }
            offset = end;
        }
        return tokens < MinimumCachedTokens ? 0 : tokens / CacheIncrement * CacheIncrement;
    }
}

/// <summary>One message as a provider frames it ("&lt;|role|&gt;text&lt;|end|&gt;").</summary>
internal sealed record FramedMessage(string Framed)
{
    public static FramedMessage From(Microsoft.Extensions.AI.ChatMessage message) =>
        new($"<|{message.Role.Value}|>{message.Text}<|end|>");
}
