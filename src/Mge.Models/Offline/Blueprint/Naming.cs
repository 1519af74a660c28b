using System.Text;

namespace Mge.Models.Offline.Blueprint;

/// <summary>Case conversion, ASCII folding and English singular/plural rules shared by discovery and the writers.</summary>
internal static class Naming
{
    private static readonly Dictionary<string, string> IrregularPlurals = new(StringComparer.Ordinal)
    {
        ["person"] = "people",
        ["child"] = "children",
        ["man"] = "men",
        ["woman"] = "women",
        ["mouse"] = "mice",
        ["foot"] = "feet",
        ["tooth"] = "teeth",
        ["goose"] = "geese",
        ["analysis"] = "analyses",
        ["datum"] = "data",
        ["index"] = "indexes",
    };

    private static readonly Dictionary<string, string> IrregularSingulars =
        IrregularPlurals.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Words that look plural but are not ("status", "news"): left alone by <see cref="Singularize"/>.</summary>
    private static readonly HashSet<string> Invariant = new(StringComparer.Ordinal)
    {
        "status", "news", "series", "species", "address", "process", "access", "class", "business", "campus",
        "bus", "gas", "analysis", "basis", "thesis", "canvas", "bonus", "virus", "census", "alias", "atlas",
        "progress", "glass", "boss", "loss", "pass", "success", "inventory", "data", "information", "equipment",
        "feedback", "software", "media", "stock",
    };

    private static readonly HashSet<string> PythonKeywords = new(StringComparer.Ordinal)
    {
        "false", "none", "true", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    public static bool IsPythonKeyword(string word) => PythonKeywords.Contains(word);

    /// <summary>Lower case, accents removed, ñ to n: the form words are compared in.</summary>
    public static string Fold(string text) => FoldKeepingCase(text.ToLowerInvariant());

    public static string Singularize(string word)
    {
        if (word.Length <= 3 || Invariant.Contains(word))
        {
            return word;
        }

        if (IrregularSingulars.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        foreach (var suffix in new[] { "sses", "shes", "ches", "xes", "zzes" })
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return word[..^2];
            }
        }

        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal))
        {
            return word;
        }

        return word.EndsWith('s') ? word[..^1] : word;
    }

    public static string Pluralize(string word)
    {
        if (IrregularPlurals.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if (word is "data" or "information" or "equipment" or "feedback" or "software" or "media" or "news")
        {
            return word;
        }

        if (word.EndsWith('y') && word.Length > 1 && !"aeiou".Contains(word[^2]))
        {
            return word[..^1] + "ies";
        }

        if (word.EndsWith('s') || word.EndsWith('x') || word.EndsWith('z') || word.EndsWith("ch", StringComparison.Ordinal) || word.EndsWith("sh", StringComparison.Ordinal))
        {
            return word + "es";
        }

        return word + "s";
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
