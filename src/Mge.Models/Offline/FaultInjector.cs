using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Mge.Models.Offline.Repair;

namespace Mge.Models.Offline;

/// <summary>
/// Decides, deterministically from (seed, prompt, attempt), whether an answer is broken on purpose and
/// how, and breaks it. Only first attempts (or prompts without an attempt) are broken, so that the
/// pipeline's retry and repair paths run and then succeed.
/// </summary>
internal static partial class FaultInjector
{
    public static OfflineFaultKinds Choose(OfflineModelOptions options, string prompt, int? attempt, AnswerShape shape)
    {
        if (options.FaultRate <= 0 || attempt is > 1)
        {
            return OfflineFaultKinds.None;
        }

        var applicable = shape switch
        {
            AnswerShape.Json => OfflineFaultKinds.InvalidJson | OfflineFaultKinds.TruncatedCode,
            AnswerShape.Code => OfflineFaultKinds.SyntaxError | OfflineFaultKinds.TruncatedCode | OfflineFaultKinds.NoCodeBlock,
            _ => OfflineFaultKinds.None,
        } & options.FaultKinds;
        var kinds = Enum.GetValues<OfflineFaultKinds>()
            .Where(k => k is not OfflineFaultKinds.None and not OfflineFaultKinds.All && applicable.HasFlag(k))
            .ToList();
        if (kinds.Count == 0)
        {
            return OfflineFaultKinds.None;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{options.Seed}\n{attempt?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}\n{prompt}"));
        var draw = BinaryPrimitives.ReadUInt64LittleEndian(hash) / (double)ulong.MaxValue;
        if (draw >= options.FaultRate)
        {
            return OfflineFaultKinds.None;
        }

        return kinds[(int)(BinaryPrimitives.ReadUInt64LittleEndian(hash.AsSpan(8)) % (ulong)kinds.Count)];
    }

    public static OfflineAnswer Apply(OfflineFaultKinds kind, OfflineAnswer answer) => kind switch
    {
        OfflineFaultKinds.None => answer,
        OfflineFaultKinds.InvalidJson => answer with { Text = DropLastBrace(answer.Text) },
        OfflineFaultKinds.TruncatedCode => answer with { Text = Truncate(answer.Text), Truncated = true },
        OfflineFaultKinds.SyntaxError => answer with { Text = BreakFirstBlock(answer.Text) },
        OfflineFaultKinds.NoCodeBlock => answer with { Text = Unfence(answer.Text) },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Apply one fault kind at a time."),
    };

    private static string DropLastBrace(string text)
    {
        var last = text.LastIndexOf('}');
        return last < 0 ? text : text.Remove(last, 1);
    }

    /// <summary>Cuts the answer at a line boundary inside its last fenced block (or at 60% of plain text); no closing fence.</summary>
    private static string Truncate(string text)
    {
        var lastFence = text.LastIndexOf("\n```", StringComparison.Ordinal);
        var bodyStart = lastFence > 0 ? text.LastIndexOf("```", lastFence - 1, StringComparison.Ordinal) : -1;
        int cut;
        if (lastFence > 0 && bodyStart >= 0)
        {
            var firstLineEnd = text.IndexOf('\n', bodyStart);
            var middle = firstLineEnd + ((lastFence - firstLineEnd) / 2);
            cut = text.LastIndexOf('\n', Math.Max(firstLineEnd, middle));
            cut = cut <= firstLineEnd ? lastFence : cut;
        }
        else
        {
            cut = text.LastIndexOf('\n', Math.Max(0, text.Length * 3 / 5));
            cut = cut <= 0 ? text.Length * 3 / 5 : cut;
        }

        return text[..cut] + "\n";
    }

    /// <summary>Breaks one block header of the first fenced block; a dangling " (" when there is none.</summary>
    private static string BreakFirstBlock(string text)
    {
        var match = FencedBlock().Match(text);
        if (!match.Success)
        {
            return text + " (";
        }

        var body = match.Groups["body"];
        var isPython = !match.Groups["info"].Value.Contains("javascript", StringComparison.OrdinalIgnoreCase)
            && !body.Value.StartsWith("//", StringComparison.Ordinal);
        var lines = body.Value.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (isPython && CodeSyntaxPatterns.PythonOpener().IsMatch(lines[i]))
            {
                lines[i] = lines[i].TrimEnd()[..^1];
                return Replace(text, body, string.Join('\n', lines));
            }

            if (!isPython && CodeSyntaxPatterns.JavaScriptOpener().IsMatch(lines[i]))
            {
                lines[i] = lines[i].TrimEnd()[..^2];
                return Replace(text, body, string.Join('\n', lines));
            }
        }

        var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0);
        lines[last] += " (";
        return Replace(text, body, string.Join('\n', lines));
    }

    private static string Replace(string text, Group group, string replacement) =>
        string.Concat(text.AsSpan(0, group.Index), replacement, text.AsSpan(group.Index + group.Length));

    /// <summary>The same code with the fences removed: prose a strict parser must reject.</summary>
    private static string Unfence(string text)
    {
        var plain = FenceLine().Replace(text, "");
        return "Here is the code you asked for:\n\n" + plain.Trim('\n') + "\n";
    }

    [GeneratedRegex(@"```(?<info>[^\n]*)\n(?<body>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"^```[^\n]*\n?", RegexOptions.Multiline)]
    private static partial Regex FenceLine();
}
