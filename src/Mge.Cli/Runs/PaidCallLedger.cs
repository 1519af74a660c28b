using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Mge.Pipeline.Prompting;
using Microsoft.Extensions.AI;

namespace Mge.Cli.Runs;

/// <summary>
/// A diagnostic wrapper around the model client: every call the model really answered (not one served from
/// the run's call journal) appends one line to a ledger file, the SHA-256 of the prompt exactly as the
/// journal stores it (<see cref="ModelGateway.RenderPrompt"/>). A crash test compares the ledgers of the
/// killed and the resuming process with the journal to show that no completed call was paid for twice.
/// Enabled by the setting Mge:Diagnostics:PaidCallLedger (environment variable
/// Mge__Diagnostics__PaidCallLedger) naming the file; several processes may append to the same file.
/// </summary>
public sealed class PaidCallLedger(IChatClient inner, string path) : DelegatingChatClient(inner)
{
    /// <summary>The configuration key holding the ledger file path.</summary>
    public const string SettingKey = "Mge:Diagnostics:PaidCallLedger";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>The ledger line for a prompt: lower-case hex SHA-256 of its rendered text.</summary>
    public static string Fingerprint(string renderedPrompt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(renderedPrompt)));

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        await RecordAsync(list, cancellationToken).ConfigureAwait(false);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }

        await RecordAsync(list, cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(IReadOnlyList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        var line = Fingerprint(ModelGateway.RenderPrompt(messages)) + "\n";
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(path, line, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Gate.Release();
        }
    }
}
