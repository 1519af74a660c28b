using System.Security.Cryptography;
using System.Text;

namespace Mge.Pipeline.Chat;

/// <summary>
/// The rules for conversation ids (they become storage keys): 1-64 letters, digits, '-' or '_'. New ids are
/// random, so one conversation cannot be guessed from another.
/// </summary>
public static class ConversationIds
{
    public const int MaxLength = 64;

    /// <summary>Null when the id is acceptable, else what is wrong with it.</summary>
    public static string? Problem(string? conversationId)
    {
        if (string.IsNullOrEmpty(conversationId))
        {
            return "The conversation id is empty.";
        }

        if (conversationId.Length > MaxLength)
        {
            return $"The conversation id is {conversationId.Length} characters long; at most {MaxLength}.";
        }

        return conversationId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? null
            : "The conversation id may only contain letters, digits, '-' and '_'.";
    }

    public static string New() => "conv-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The partition the conversation's model calls are journaled under ("chat-{id}"), apart from run ids.</summary>
    public static string CallPartition(string conversationId) => "chat-" + conversationId;

    /// <summary>
    /// The deterministic key of the model call that answers a message: its position in the conversation and a hash
    /// of its text, so a retried request is answered from the journal (not paid twice) while the same words later
    /// in the conversation get a fresh answer.
    /// </summary>
    public static string CallKey(int turn, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(message)))[..16];
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"chat-{turn:D5}-{hash}");
    }
}
