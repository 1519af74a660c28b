using System.Collections;
using Microsoft.Extensions.AI;

namespace Mge.Pipeline.Prompting;

/// <summary>
/// The messages of one prompt together with the versions of the templates they were rendered from
/// ("code@1+project@1": each distinct version once, in order of use). <see cref="ModelGateway"/> journals
/// <see cref="Version"/> with the call.
/// </summary>
public sealed class PromptMessages : IReadOnlyList<ChatMessage>
{
    /// <summary>Recorded for messages that were not built from templates.</summary>
    public const string Unversioned = "unversioned";

    private readonly List<ChatMessage> _messages;

    public PromptMessages(IEnumerable<ChatMessage> messages, IEnumerable<string> versions)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(versions);
        _messages = messages.ToList();
        var distinct = versions.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal).ToList();
        Version = distinct.Count == 0 ? Unversioned : string.Join("+", distinct);
    }

    public string Version { get; }

    public int Count => _messages.Count;

    public ChatMessage this[int index] => _messages[index];

    /// <summary>The prompt version of any message list: its <see cref="Version"/> when built by <see cref="PromptBuilder"/>, else <see cref="Unversioned"/>.</summary>
    public static string VersionOf(IReadOnlyList<ChatMessage> messages) =>
        messages is PromptMessages prompt ? prompt.Version : Unversioned;

    public IEnumerator<ChatMessage> GetEnumerator() => _messages.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
