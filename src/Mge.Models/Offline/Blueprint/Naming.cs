using System.Text;

namespace Mge.Models.Offline.Blueprint;

/// <summary>
/// Case conversion, ASCII folding, reserved words, and singular/plural of identifiers in English or Spanish
/// (<see cref="EnglishInflection"/>, <see cref="SpanishInflection"/>), shared by discovery and the writers.
/// </summary>
internal static class Naming
{
    private static readonly HashSet<string> PythonKeywords = new(StringComparer.Ordinal)
    {
        "false", "none", "true", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    /// <summary>JavaScript's reserved words, strict mode's included, and the names it will not bind (eval, arguments).</summary>
    private static readonly HashSet<string> JavaScriptReserved = new(StringComparer.Ordinal)
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
        "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof",
        "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "await", "arguments",
        "eval", "undefined",
    };

    public static bool IsPythonKeyword(string word) => PythonKeywords.Contains(word);

    /// <summary>True when <paramref name="word"/> cannot name a variable or module in Python or JavaScript.</summary>
    public static bool IsReservedWord(string word) => PythonKeywords.Contains(word) || JavaScriptReserved.Contains(word);

    /// <summary>Lower case, accents removed, ñ to n: the form words are compared in.</summary>
    public static string Fold(string text) => FoldKeepingCase(text.ToLowerInvariant());

    /// <summary>English singular of a word or snake_case identifier (its last word inflects: "order_items" -> "order_item").</summary>
    public static string Singularize(string word) => Singularize(word, NamingLanguage.English);

    /// <summary>English plural of a word or snake_case identifier ("category" -> "categories", "contact_person" -> "contact_people").</summary>
    public static string Pluralize(string word) => Pluralize(word, NamingLanguage.English);

    /// <summary>Singular of a snake_case identifier in <paramref name="language"/>; Spanish results are folded.</summary>
    public static string Singularize(string identifier, NamingLanguage language) => language == NamingLanguage.Spanish
        ? SpanishInflection.SingularizeIdentifier(identifier)
        : InflectLastWord(identifier, EnglishInflection.Singularize);

    /// <summary>Plural of a snake_case identifier in <paramref name="language"/> (table and route names); Spanish results are folded.</summary>
    public static string Pluralize(string identifier, NamingLanguage language) => language == NamingLanguage.Spanish
        ? SpanishInflection.PluralizeIdentifier(identifier)
        : InflectLastWord(identifier, EnglishInflection.Pluralize);

    private static string InflectLastWord(string identifier, Func<string, string> inflect)
    {
        var cut = identifier.LastIndexOf('_') + 1;
        return identifier[..cut] + inflect(identifier[cut..]);
    }

    /// <summary>"due date" / "DueDate" / "due-date" to "due_date"; non-ASCII letters folded, other characters dropped.</summary>
    public static string ToSnake(string text)
    {
        var folded = FoldKeepingCase(text);
        var builder = new StringBuilder(folded.Length + 4);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (char.IsAsciiLetterUpper(c))
            {
                var previous = i > 0 ? folded[i - 1] : '\0';
                var next = i + 1 < folded.Length ? folded[i + 1] : '\0';
                if (builder.Length > 0 && builder[^1] != '_' &&
                    (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous) || (char.IsAsciiLetterUpper(previous) && char.IsAsciiLetterLower(next))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var snake = builder.ToString().Trim('_');
        if (snake.Length > 0 && char.IsAsciiDigit(snake[0]))
        {
            snake = "n_" + snake;
        }

        return snake;
    }

    /// <summary>"due_date" / "due date" to "DueDate".</summary>
    public static string ToPascal(string text)
    {
        var snake = ToSnake(text);
        var builder = new StringBuilder(snake.Length);
        foreach (var part in snake.Split('_', StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return builder.ToString();
    }

    /// <summary>"due_date" to "dueDate".</summary>
    public static string ToCamel(string text)
    {
        var pascal = ToPascal(text);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    /// <summary>"due_date" to "Due date" (for messages and docstrings).</summary>
    public static string ToWords(string snake) =>
        snake.Length == 0 ? snake : char.ToUpperInvariant(snake[0]) + snake[1..].Replace('_', ' ');

    /// <summary>
    /// Latin letters with diacritics to ASCII. A table, not Unicode normalisation: the build runs with
    /// invariant globalization, where normalisation does not decompose.
    /// </summary>
    private static string FoldKeepingCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var index = Accented.IndexOf(c, StringComparison.Ordinal);
            builder.Append(index >= 0 ? Plain[index] : c);
        }

        return builder.ToString();
    }

    private const string Accented = "áàäâãåéèëêíìïîóòöôõúùüûñçýÿÁÀÄÂÃÅÉÈËÊÍÌÏÎÓÒÖÔÕÚÙÜÛÑÇÝ";
    private const string Plain = "aaaaaaeeeeiiiiooooouuuuncyyAAAAAAEEEEIIIIOOOOOUUUUNCY";
}
