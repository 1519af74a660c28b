using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace Mge.Models.Offline;

/// <summary>
/// Counts tokens with the o200k_base encoding (GPT-4o's), loaded once from the embedded data package;
/// the tokenizer is thread-safe. Chat prompts add OpenAI's per-message framing (role and separators).
/// </summary>
internal static class O200kTokenCounter
{
    /// <summary>Tokens OpenAI's chat format adds around each message, and once to prime the reply.</summary>
    private const int PerMessageOverhead = 4;
    private const int ReplyPriming = 3;

    /// <summary>Long messages recur verbatim (the shared prefix of every code prompt): count each once.</summary>
    private const int MemoizeFromChars = 2_048;
    private const int MemoCapacity = 1_024;

    private static readonly Lazy<TiktokenTokenizer> Tokenizer = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));
    private static readonly ConcurrentDictionary<string, int> Memo = new(StringComparer.Ordinal);

    public static int Count(string text)
    {
        if (text.Length < MemoizeFromChars)
        {
            return text.Length == 0 ? 0 : Tokenizer.Value.CountTokens(text);
        }
        if (Memo.TryGetValue(text, out var known))
        {
            return known;
        }
        if (Memo.Count >= MemoCapacity)
        {
            Memo.Clear();
        }
        return Memo[text] = Tokenizer.Value.CountTokens(text);
    }

    public static int CountPrompt(IReadOnlyList<string> messageTexts) =>
        messageTexts.Sum(Count) + (messageTexts.Count * PerMessageOverhead) + ReplyPriming;
}
