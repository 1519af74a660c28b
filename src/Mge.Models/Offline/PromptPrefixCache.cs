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

    /// <summary>Remembers <paramref name="prompt"/> and returns the cached token count for it.</summary>
    public int Lookup(string prompt)
    {
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

        var tokens = O200kTokenCounter.Count(prompt[..longest]);
        return tokens < MinimumCachedTokens ? 0 : tokens / CacheIncrement * CacheIncrement;
    }
}
