using System.Text;
using System.Text.RegularExpressions;

namespace Mge.Pipeline.Chat;

/// <summary>
/// The seed's implementation-intent detection for chat messages, in English and Spanish, checked in this order:
/// <list type="number">
/// <item>direct: an implementation verb as a whole word ("crear"/"crea", "implementar"/"implementa",
/// "generar"/"genera", "create", "build", "generate"), so "recreate" or "builder" do not count, followed by what
/// to make ("build a blog API"; a bare "what can you build?" names nothing). Unlike the seed, a message that
/// opens with a question word ("how do I create...", "¿qué puedes generar?") is a question, not an order;
/// requests phrased as questions ("can you create a...", "¿puedes crear una...?") still count;</item>
/// <item>ready: a go-ahead phrase ("sí a todo", "si a todo", "vamos", "dale", "adelante", "go ahead", "let's go");</item>
/// <item>detailed: more than <see cref="DetailedMinWords"/> words and at least one technical keyword
/// (api, rest, fastapi, django, express, database / base de datos, endpoint, crud, model / modelo...), again
/// unless it opens with a question word.</item>
/// </list>
/// Matching ignores case and accents ("Sí", "GENERÁ", "créame" all match), without Unicode normalisation
/// (the build runs with invariant globalization), by folding the Latin letters Spanish uses.
/// </summary>
public static partial class ChatIntentDetector
{
    /// <summary>A detailed description has more words than this (the seed's threshold).</summary>
    public const int DetailedMinWords = 30;

    public static ChatIntent Detect(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return ChatIntent.Conversation;
        }

        var folded = Fold(message);
        var question = QuestionOpening().IsMatch(folded);
        if (!question && DirectPattern().Match(folded) is { Success: true } direct)
        {
            return new ChatIntent(ChatIntentKind.Direct, direct.Value);
        }

        if (ReadyPattern().Match(folded) is { Success: true } ready)
        {
            return new ChatIntent(ChatIntentKind.Ready, ready.Value);
        }

        if (!question && CountWords(folded) > DetailedMinWords && TechnicalPattern().Match(folded) is { Success: true } technical)
        {
            return new ChatIntent(ChatIntentKind.Detailed, technical.Value);
        }

        return ChatIntent.Conversation;
    }

    /// <summary>Words as a reader counts them: runs of letters or digits (so "CRUD," and "REST-API" count once and twice).</summary>
    public static int CountWords(string text) => WordPattern().Count(text);

    /// <summary>Lower case, Spanish (and common Latin) accents removed, inverted punctuation dropped, typographic apostrophes made plain.</summary>
    internal static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.ToLowerInvariant(c) switch
            {
                'á' or 'à' or 'â' or 'ä' or 'ã' => 'a',
                'é' or 'è' or 'ê' or 'ë' => 'e',
                'í' or 'ì' or 'î' or 'ï' => 'i',
                'ó' or 'ò' or 'ô' or 'ö' or 'õ' => 'o',
                'ú' or 'ù' or 'û' or 'ü' => 'u',
                'ñ' => 'n',
                'ç' => 'c',
                '¿' or '¡' => ' ',
                '\u2019' => '\'',
                var other => other,
            });
        }

        return builder.ToString();
    }

    // Spanish infinitives, imperatives (with an enclitic "me"/"nos") and first-person forms; English base forms;
    // then at least one more word (the thing to make).
    [GeneratedRegex(
        @"\b(crear|crea|creame|creanos|creemos|implementar|implementa|implementame|implementemos|generar|genera|generame|generemos|create|build|generate)\b(?=\W+[\p{L}\p{N}])",
        RegexOptions.CultureInvariant)]
    private static partial Regex DirectPattern();

    // Question words at the start (after any opening punctuation): how/what/why/... and their Spanish forms.
    [GeneratedRegex(
        @"^\W*(how|what|why|which|when|where|who|whats|what's|como|que|por\s+que|porque|cual|cuales|cuando|donde|quien|quienes)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex QuestionOpening();

    [GeneratedRegex(
        @"\b(si\s*,?\s*a\s+todo|vamos|dale|adelante|go\s+ahead|let'?s\s+go|let'?s\s+do\s+it)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ReadyPattern();

    [GeneratedRegex(
        @"\b(api|apis|rest|restful|fastapi|django|express|flask|node|nodejs|database|databases|base\s+de\s+datos|db|sql|sqlite|postgres|postgresql|mysql|mongodb|endpoint|endpoints|crud|model|models|modelo|modelos|schema|schemas|esquema|backend|jwt|auth|authentication|autenticacion)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex TechnicalPattern();

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
