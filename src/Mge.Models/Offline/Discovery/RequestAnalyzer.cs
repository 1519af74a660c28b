using System.Text.RegularExpressions;
using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Discovery;

/// <summary>
/// Reads the entities a request names, in English or Spanish: the noun lists that follow "with", "including",
/// "managing", "con", "para gestionar"... and, anywhere else, plural forms of nouns the catalogue knows.
/// Features and technology words ("authentication", "pruebas", "API") are never entities; domain words
/// ("library", "biblioteca") set the domain instead.
/// </summary>
internal static partial class RequestAnalyzer
{
    private static readonly HashSet<string> SingleWordTriggers = new(StringComparer.Ordinal)
    {
        "with", "including", "include", "includes", "managing", "manage", "manages", "handling", "handle", "handles",
        "tracking", "track", "tracks", "containing", "featuring", "entities", "resources",
        "con", "incluyendo", "incluya", "incluye", "gestionar", "gestione", "gestiona", "administrar", "administre",
        "manejar", "maneje", "controlar", "entidades", "recursos",
    };

    private static readonly HashSet<string> ListSeparators = new(StringComparer.Ordinal)
    {
        ",", "and", "or", "plus", "&", "y", "e", "o", "u", "ni", "/",
    };

    private static readonly HashSet<string> ItemTerminators = new(StringComparer.Ordinal)
    {
        ".", ";", ":", "!", "?", "(", ")", "that", "which", "who", "where", "using", "use", "in", "on", "to", "for", "by",
        "via", "from", "so", "as", "into", "at", "each", "where", "whose", "que", "usando", "en", "para", "por", "desde",
        "mediante", "donde", "cuyo", "cuyos", "cada", "como", "sobre", "segun",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "some", "their", "its", "his", "her", "our", "my", "your", "multiple", "several", "many", "all",
        "every", "basic", "simple", "new", "different", "el", "la", "los", "las", "un", "una", "unos", "unas", "sus", "su",
        "varios", "varias", "todos", "todas", "mis", "nuestros", "nuestras", "distintos", "diferentes", "of", "de", "del",
    };

    private static readonly HashSet<string> SpanishMarkers = new(StringComparer.Ordinal)
    {
        "crea", "crear", "genera", "generar", "haz", "hacer", "una", "un", "con", "para", "gestionar", "de", "y", "los",
        "las", "el", "la", "que", "del", "quiero", "necesito", "hola", "como", "gestion",
    };

    private static readonly HashSet<string> EnglishMarkers = new(StringComparer.Ordinal)
    {
        "create", "build", "make", "generate", "a", "an", "the", "with", "for", "and", "of", "to", "that", "i", "want",
        "need", "hello", "how", "what", "management",
    };

    /// <summary>Analyses a request; never fails (a request naming nothing gets zero entity keys).</summary>
    public static RequestAnalysis Analyze(string request, ProjectType? projectType)
    {
        var tokens = Tokenize(request);
        var isSpanish = IsSpanish(tokens);
        var keys = new List<string>();
        string? domainWord = null;

        for (var i = 0; i < tokens.Count; i++)
        {
            var triggerLength = TriggerLength(tokens, i);
            if (triggerLength == 0)
            {
                continue;
            }

            foreach (var item in ReadList(tokens, i + triggerLength))
            {
                var head = HeadNoun(item, isSpanish);
                if (head is null)
                {
                    continue;
                }

                if (NounLexicon.DomainOf(head) is { } domain)
                {
                    domainWord ??= domain;
                    continue;
                }

                AddKey(keys, NounLexicon.ToEntityKey(head));
            }
        }

        // Known nouns in plural elsewhere ("users can create tasks") are entities too; singular ones usually
        // describe the domain ("task management", "gestión de inventario") and are left to the lists above.
        foreach (var token in tokens)
        {
            if (IsWord(token) && !NounLexicon.IsNonEntity(token) && IsKnownPlural(token, out var key))
            {
                AddKey(keys, key);
            }

            if (IsWord(token) && NounLexicon.DomainOf(token) is { } domain)
            {
                domainWord ??= domain;
            }
        }

        return new RequestAnalysis(keys, DomainName(tokens, isSpanish, domainWord, keys), DetectProjectType(tokens, projectType), isSpanish);
    }

    /// <summary>True when the text reads as Spanish (more Spanish than English function words).</summary>
    public static bool LooksSpanish(string text) => IsSpanish(Tokenize(text));

    internal static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (Match match in TokenPattern().Matches(Naming.Fold(text)))
        {
            tokens.Add(match.Value);
        }

        return tokens;
    }

    private static ProjectType DetectProjectType(List<string> tokens, ProjectType? explicitType)
    {
        if (explicitType is { } type)
        {
            return type;
        }

        foreach (var token in tokens)
        {
            switch (token)
            {
                case "django":
                    return ProjectType.Django;
                case "express" or "expressjs" or "node" or "nodejs" or "node.js" or "javascript":
                    return ProjectType.Express;
                case "fastapi":
                    return ProjectType.FastApi;
            }
        }

        return ProjectType.FastApi;
    }

    private static bool IsSpanish(List<string> tokens) =>
        tokens.Count(SpanishMarkers.Contains) > tokens.Count(EnglishMarkers.Contains);

    private static int TriggerLength(List<string> tokens, int i)
    {
        var token = tokens[i];
        if (SingleWordTriggers.Contains(token))
        {
            // "with FastAPI", "con Django": the stack, not a list of entities; ReadList drops such words anyway.
            return 1;
        }

        var next = i + 1 < tokens.Count ? tokens[i + 1] : "";
        return (token, next) switch
        {
            ("crud", "for" or "of" or "de" or "para") => 2,
            ("gestion", "de") => 2,
            ("administracion", "de") => 2,
            ("manejo", "de") => 2,
            ("control", "de") => 2,
            _ => 0,
        };
    }

    /// <summary>The items of a list starting at <paramref name="start"/>: word runs split by commas and conjunctions.</summary>
    private static List<List<string>> ReadList(List<string> tokens, int start)
    {
        var items = new List<List<string>>();
        var current = new List<string>();
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (ListSeparators.Contains(token))
            {
                Flush();
                continue;
            }

            if (ItemTerminators.Contains(token) || (SingleWordTriggers.Contains(token) && (current.Count > 0 || items.Count > 0)))
            {
                break;
            }

            if (!IsWord(token))
            {
                break;
            }

            current.Add(token);
            if (current.Count > 4)
            {
                // A long run of words is prose, not a list item.
                break;
            }
        }

        Flush();
        return items;

        void Flush()
        {
            if (current.Count > 0)
            {
                items.Add(current);
                current = [];
            }
        }
    }

    /// <summary>The noun an item is about: English puts it last ("blog posts"), Spanish first ("órdenes de compra").</summary>
    private static string? HeadNoun(List<string> item, bool isSpanish)
    {
        var words = item.Where(w => !Determiners.Contains(w)).ToList();
        if (isSpanish)
        {
            var cut = item.IndexOf("de");
            if (cut > 0)
            {
                words = item.Take(cut).Where(w => !Determiners.Contains(w)).ToList();
            }
        }

        words = words.Where(w => !NounLexicon.IsNonEntity(w) && !char.IsAsciiDigit(w[0])).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var head = isSpanish ? words[0] : words[^1];
        return head.Length < 2 ? null : head;
    }

    private static bool IsKnownPlural(string word, out string key)
    {
        key = NounLexicon.ToEntityKey(word);
        if (!EntityCatalog.IsKnown(key))
        {
            return false;
        }

        var spanish = NounLexicon.FromSpanish(word);
        if (spanish is not null)
        {
            // Spanish plurals end in s; singular Spanish nouns name the domain ("gestión de inventario").
            return word.EndsWith('s');
        }

        return Naming.Singularize(word) != word || word is "people" or "staff";
    }

    private static void AddKey(List<string> keys, string key)
    {
        if (key.Length > 1 && !keys.Contains(key) && !NounLexicon.IsNonEntity(key))
        {
            keys.Add(key);
        }
    }

    private static string DomainName(List<string> tokens, bool isSpanish, string? domainWord, List<string> keys)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            // "task management", "inventory management"
            if (tokens[i] == "management" && i > 0 && IsWord(tokens[i - 1]) && !Determiners.Contains(tokens[i - 1]) && !ItemTerminators.Contains(tokens[i - 1]))
            {
                return Naming.ToWords(NounLexicon.ToEntityKey(tokens[i - 1])) + " management";
            }

            // "gestión de tareas", "gestion del inventario"
            if (tokens[i] == "gestion" && i + 2 < tokens.Count && tokens[i + 1] is "de" or "del")
            {
                var noun = tokens[i + 2] is "la" or "las" or "los" or "el" && i + 3 < tokens.Count ? tokens[i + 3] : tokens[i + 2];
                if (IsWord(noun) && NounLexicon.DomainOf(noun) is null && !NounLexicon.IsNonEntity(noun))
                {
                    return Naming.ToWords(NounLexicon.ToEntityKey(noun)) + " management";
                }
            }
        }

        if (domainWord is not null)
        {
            return domainWord.Contains(' ') ? domainWord : domainWord + " management";
        }

        return keys.Count > 0 ? Naming.ToWords(keys[0]) + " management" : (isSpanish ? "General" : "General");
    }

    private static bool IsWord(string token) => token.Length > 0 && char.IsAsciiLetterOrDigit(token[0]);

    [GeneratedRegex(@"[a-z0-9]+(?:[.\-][a-z0-9]+)*|[,.;:!?()&/]")]
    private static partial Regex TokenPattern();
}
