namespace Mge.Models.Offline.Discovery;

/// <summary>
/// Finds the enumerations of things a request manages, by their shape rather than by a vocabulary:
/// <list type="bullet">
/// <item>after a trigger: "with X, Y and Z", "managing X", "con X, Y y Z", "para gestionar X", "crud for X";</item>
/// <item>after a colon: "a beekeeping cooperative: hives, apiaries, harvests and beekeepers";</item>
/// <item>after "for"/"para" when the items are bare plurals ("for hives and harvests"); a single item with an
/// article ("for a beekeeping cooperative", "para una protectora") names the domain instead;</item>
/// <item>without a trigger, a comma list of at least two plurals ("hives, apiaries and harvests").</item>
/// </list>
/// Items are runs of at most four words split by commas and conjunctions; a list ends at punctuation, a
/// preposition, a relative pronoun or a verb ("who", "that", "can", "para").
/// </summary>
internal static class EnumerationGrammar
{
    private const int MaxItemWords = 4;

    private static readonly HashSet<string> Triggers = new(StringComparer.Ordinal)
    {
        "with", "including", "include", "includes", "managing", "manage", "manages", "handling", "handle", "handles",
        "tracking", "track", "tracks", "containing", "featuring", "entities", "resources", "storing", "stores",
        "organizing", "organize", "organizes", "covering", "covers",
        "con", "incluyendo", "incluya", "incluye", "gestionar", "gestione", "gestiona", "administrar", "administre",
        "manejar", "maneje", "controlar", "entidades", "recursos", "registrar", "registre", "registra",
    };

    /// <summary>Words that start a list only when what follows is a list of plurals ("for hives and harvests").</summary>
    private static readonly HashSet<string> WeakTriggers = new(StringComparer.Ordinal) { "for", "para" };

    private static readonly HashSet<string> Separators = new(StringComparer.Ordinal)
    {
        ",", "and", "or", "plus", "&", "y", "e", "o", "u", "ni", "/",
    };

    private static readonly HashSet<string> Terminators = new(StringComparer.Ordinal)
    {
        ".", ";", ":", "!", "?", "(", ")", "that", "which", "who", "where", "using", "use", "in", "on", "to", "for", "by",
        "via", "from", "so", "as", "into", "at", "each", "whose", "when", "while", "can", "could", "should", "must",
        "will", "would", "may", "might", "need", "needs", "have", "has", "is", "are", "was", "were", "be", "do", "does",
        "get", "gets", "que", "usando", "en", "para", "por", "desde", "mediante", "donde", "cuyo", "cuyos", "cada",
        "como", "sobre", "segun", "cuando", "puede", "pueden", "debe", "deben", "tiene", "tienen", "es", "son", "esta",
        "estan", "hay", "sera",
    };

    /// <summary>Articles and possessives: before a lone item after "for"/"para" they mark a domain, not an entity.</summary>
    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "my", "our", "your", "their", "its", "his", "her",
        "un", "una", "el", "la", "los", "las", "mi", "mis", "nuestro", "nuestra", "su", "sus", "tu",
    };

    /// <summary>Reads the enumerations of a tokenized request.</summary>
    public static RequestReading Read(IReadOnlyList<RequestToken> tokens, bool spanish)
    {
        var items = new List<IReadOnlyList<int>>();
        var consumed = new HashSet<int>();
        IReadOnlyList<int>? domainPhrase = null;
        var listTriggers = new List<int>();

        for (var i = 0; i < tokens.Count; i++)
        {
            var text = tokens[i].Text;
            var triggerLength = TriggerLength(tokens, i);
            if (triggerLength > 0)
            {
                // "with an easy way to ...": an item led by "a"/"una" that is not a plural describes, it does not enumerate.
                var list = ReadList(tokens, i + triggerLength)
                    .Where(item => !(tokens[item[0]].Text is "a" or "an" or "un" or "una" && !NounPhrase.LooksPlural(tokens, item, spanish)))
                    .ToList();
                Accept(list);
                if (list.Count > 0)
                {
                    listTriggers.Add(i);
                }

                continue;
            }

            if (WeakTriggers.Contains(text))
            {
                var list = ReadList(tokens, i + 1);
                if (list.Count == 1 && (Articles.Contains(tokens[list[0][0]].Text) || !NounPhrase.LooksPlural(tokens, list[0], spanish)))
                {
                    domainPhrase ??= list[0];
                    consumed.UnionWith(list[0]);
                }
                else if (list.Count > 0 && list.All(item => NounPhrase.LooksPlural(tokens, item, spanish)))
                {
                    Accept(list);
                    listTriggers.Add(i);
                }
            }
        }

        ReadUntriggeredLists(tokens, spanish, consumed, Accept);
        domainPhrase ??= listTriggers.Select(t => PhraseBefore(tokens, t)).FirstOrDefault(p => p is not null);

        return new RequestReading(items, domainPhrase, consumed);

        void Accept(List<List<int>> list)
        {
            foreach (var item in list)
            {
                items.Add(item);
                consumed.UnionWith(item);
            }
        }
    }

    /// <summary>True for words made of letters or digits (not punctuation).</summary>
    public static bool IsWord(string text) => text.Length > 0 && char.IsAsciiLetterOrDigit(text[0]);

    public static bool IsArticle(string text) => Articles.Contains(text);

    public static bool IsTerminator(string text) => Terminators.Contains(text) || WeakTriggers.Contains(text);

    private static int TriggerLength(IReadOnlyList<RequestToken> tokens, int i)
    {
        var token = tokens[i].Text;
        if (Triggers.Contains(token) || token == ":")
        {
            // "with FastAPI", "con Django": the stack, not a list of entities; its words are never entities.
            return 1;
        }

        var next = i + 1 < tokens.Count ? tokens[i + 1].Text : "";
        return (token, next) switch
        {
            ("crud", "for" or "of" or "de" or "para") => 2,
            ("gestion" or "administracion" or "manejo" or "control", "de" or "del") => 2,
            _ => 0,
        };
    }

    /// <summary>The items of a list starting at <paramref name="start"/>: word runs split by commas and conjunctions.</summary>
    private static List<List<int>> ReadList(IReadOnlyList<RequestToken> tokens, int start)
    {
        var items = new List<List<int>>();
        var current = new List<int>();
        for (var i = start; i < tokens.Count; i++)
        {
            var token = tokens[i].Text;
            if (Separators.Contains(token))
            {
                Flush();
                continue;
            }

            if (Terminators.Contains(token) || Triggers.Contains(token) || !IsWord(token))
            {
                break;
            }

            current.Add(i);
            if (current.Count > MaxItemWords)
            {
                // A long run of words is prose, not a list item.
                current.Clear();
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

    /// <summary>
    /// Comma lists no trigger introduced ("Hives, apiaries and harvests for a cooperative"): the first item is
    /// the one or two words before the first comma; every item must be a plural.
    /// </summary>
    private static void ReadUntriggeredLists(IReadOnlyList<RequestToken> tokens, bool spanish, HashSet<int> consumed, Action<List<List<int>>> accept)
    {
        for (var comma = 1; comma < tokens.Count; comma++)
        {
            if (tokens[comma].Text != "," || consumed.Contains(comma - 1) || !IsWord(tokens[comma - 1].Text))
            {
                continue;
            }

            var start = comma - 1;
            while (start > 0 && comma - start < 2 && IsWord(tokens[start - 1].Text) && !consumed.Contains(start - 1)
                && !Articles.Contains(tokens[start - 1].Text) && !Terminators.Contains(tokens[start - 1].Text)
                && !Separators.Contains(tokens[start - 1].Text) && !NounLexicon.IsNonEntity(tokens[start - 1].Text))
            {
                start--;
            }

            var list = ReadList(tokens, start);
            if (list.Count >= 2 && list.All(item => !item.Any(consumed.Contains) && NounPhrase.LooksPlural(tokens, item, spanish)))
            {
                accept(list);
                comma = list[^1][^1];
            }
        }
    }

    /// <summary>The article-led phrase just before a list's trigger ("una protectora con ...", "a bakery with ...").</summary>
    private static IReadOnlyList<int>? PhraseBefore(IReadOnlyList<RequestToken> tokens, int trigger)
    {
        var words = new List<int>();
        for (var i = trigger - 1; i >= 0 && words.Count <= MaxItemWords; i--)
        {
            var text = tokens[i].Text;
            if (Articles.Contains(text))
            {
                words.Reverse();
                return words.Count > 0 && !words.Any(w => NounLexicon.IsNonEntity(tokens[w].Text)) ? words : null;
            }

            if (!IsWord(text) || Terminators.Contains(text) || Separators.Contains(text) || Triggers.Contains(text) || WeakTriggers.Contains(text))
            {
                return null;
            }

            words.Add(i);
        }

        return null;
    }
}

/// <summary>A request split into words: <see cref="Text"/> folded (lower case, no accents) for matching, <see cref="Original"/> lower case as written.</summary>
internal sealed record RequestToken(string Text, string Original);

/// <summary>What <see cref="EnumerationGrammar"/> found: the items of every list (token indexes), the domain phrase, the tokens used.</summary>
internal sealed record RequestReading(IReadOnlyList<IReadOnlyList<int>> Items, IReadOnlyList<int>? DomainPhrase, IReadOnlySet<int> Consumed);
