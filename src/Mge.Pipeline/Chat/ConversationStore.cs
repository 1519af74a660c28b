using System.Globalization;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Chat;

/// <summary>The turns of chat conversations over <see cref="IRecordStore"/> (table <see cref="Table"/>, one partition per conversation).</summary>
public sealed class ConversationStore
{
    public const string Table = "conversations";

    private readonly IRecordStore _records;

    public ConversationStore(IRecordStore records)
    {
        _records = records;
    }

    /// <summary>The conversation's turns in order (empty for a new conversation).</summary>
    public async Task<IReadOnlyList<ConversationTurn>> ListAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        EnsureValid(conversationId);
        var turns = new List<ConversationTurn>();
        await foreach (var row in _records.QueryAsync<ConversationTurn>(Table, conversationId, null, cancellationToken).ConfigureAwait(false))
        {
            turns.Add(row.Value);
        }

        return turns;
    }

    /// <summary>Stores a user turn and the assistant's answer to it in one batch (one partition).</summary>
    public Task SaveExchangeAsync(string conversationId, ConversationTurn user, ConversationTurn assistant, CancellationToken cancellationToken = default)
    {
        EnsureValid(conversationId);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(assistant);
        return _records.UpsertManyAsync(Table, conversationId, [KeyValuePair.Create(RowKey(user), user), KeyValuePair.Create(RowKey(assistant), assistant)], cancellationToken);
    }

    /// <summary>"{turn:D5}-1" for the user's message, "{turn:D5}-2" for the answer, so a turn's rows sort question first.</summary>
    public static string RowKey(ConversationTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var order = turn.Role == ConversationTurn.UserRole ? 1 : 2;
        return string.Create(CultureInfo.InvariantCulture, $"{turn.Turn:D5}-{order}");
    }

    private static void EnsureValid(string conversationId)
    {
        if (ConversationIds.Problem(conversationId) is { } problem)
        {
            throw new ArgumentException(problem, nameof(conversationId));
        }
    }
}
