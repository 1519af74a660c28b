using System.Text.RegularExpressions;
using Mge.Models.Offline.Blueprint;
using Mge.Pipeline.Domain;

namespace Mge.Models.Offline.Discovery;

/// <summary>
/// Reads what a request manages, in English or Spanish: the enumerations <see cref="EnumerationGrammar"/> finds
/// ("with X, Y and Z", "con X, Y y Z", "...: X, Y and Z"), each item read as a <see cref="NounPhrase"/>, plus plural
/// forms of catalogue nouns anywhere else ("users can create tasks"). Features and technology words
/// ("authentication", "pruebas", "API") are never entities; domain words ("library", "biblioteca") set the domain.
/// A Spanish request is named in English when the lexicon translates every entity it names (the catalogue's
/// attributes and relations apply); otherwise every entity keeps its Spanish name, so one project speaks one language.
/// </summary>
internal static partial class RequestAnalyzer
{
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

    /// <summary>Analyses a request; never fails (a request naming nothing gets zero entities).</summary>
    public static RequestAnalysis Analyze(string request, ProjectType? projectType)
    {
        var tokens = Tokenize(request);
        var isSpanish = IsSpanish(tokens);
        var reading = EnumerationGrammar.Read(tokens, isSpanish);
        var phrases = new List<NounPhrase>();
        string? domainWord = null;
        foreach (var item in reading.Items)
        {
            if (NounPhrase.Read(tokens, item, isSpanish) is not { } phrase)
            {
                continue;
            }

            if (NounLexicon.DomainOf(phrase.Head.Text) is { } domain)
            {
                domainWord ??= domain;
                continue;
            }

            phrases.Add(phrase);
        }

        // Known nouns in plural elsewhere ("users can create tasks") are entities too; singular ones usually
        // describe the domain ("task management", "gestión de inventario").
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (!EnumerationGrammar.IsWord(word))
            {
                continue;
            }

            if (NounLexicon.DomainOf(word) is { } domain)
            {
                domainWord ??= domain;
            }
            else if (!reading.Consumed.Contains(i) && !NounLexicon.IsNonEntity(word) && IsKnownPlural(word))
            {
                phrases.Add(NounPhrase.Single(tokens[i], i, isSpanish));
            }
        }

        var spanishNames = isSpanish && phrases.Any(p => p.Translated() is null);
        var entities = phrases
            .OrderBy(p => p.HeadIndex)
            .Select(p => spanishNames ? p.Native() : p.Translated()!)
            .Where(m => m.Key.Length > 1)
            .DistinctBy(m => m.Key)
            .ToList();
        var domainName = DomainName(tokens, reading, isSpanish, spanishNames, domainWord, entities);
        return new RequestAnalysis(entities, domainName, DetectProjectType(tokens, projectType), isSpanish, spanishNames);
    }

    /// <summary>True when the text reads as Spanish (more Spanish than English function words).</summary>
    public static bool LooksSpanish(string text) => IsSpanish(Tokenize(text));

    /// <summary>Words and punctuation, each folded for matching and kept as written (lower case) for names.</summary>
    internal static List<RequestToken> Tokenize(string text)
    {
        // Folding maps each character to one character, so a match in the folded text spans the same original.
        var lower = text.ToLowerInvariant();
        var folded = Naming.Fold(text);
        var tokens = new List<RequestToken>();
        foreach (Match match in TokenPattern().Matches(folded))
        {
            tokens.Add(new RequestToken(match.Value, lower.Substring(match.Index, match.Length)));
        }

        return tokens;
    }

    private static ProjectType DetectProjectType(List<RequestToken> tokens, ProjectType? explicitType)
    {
        if (explicitType is { } type)
        {
            return type;
        }

        foreach (var token in tokens)
        {
            switch (token.Text)
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

    private static bool IsSpanish(List<RequestToken> tokens) =>
        tokens.Count(t => SpanishMarkers.Contains(t.Text)) > tokens.Count(t => EnglishMarkers.Contains(t.Text));

    private static bool IsKnownPlural(string word)
    {
        var key = NounLexicon.ToEntityKey(word);
        if (!EntityCatalog.IsKnown(key))
        {
            return false;
        }

        if (NounLexicon.FromSpanish(word) is not null)
        {
            // Spanish plurals end in s; singular Spanish nouns name the domain ("gestión de inventario").
            return word.EndsWith('s');
        }

        return Naming.Singularize(word) != word || word is "staff";
    }

    /// <summary>
    /// The domain: "X management" / "gestión de X", a domain word ("biblioteca" -> Library), the phrase the request
    /// gives ("for a beekeeping cooperative", "una protectora con ..."), else the first entity's. With Spanish names
    /// the request's own words come first, so the domain reads in the same language as the entities.
    /// </summary>
    private static string DomainName(List<RequestToken> tokens, RequestReading reading, bool isSpanish, bool spanishNames, string? domainWord, List<EntityMention> entities)
    {
        var phrase = reading.DomainPhrase is { } indexes ? DomainPhrase(tokens, indexes) : null;
        if (spanishNames)
        {
            return Capitalize(phrase ?? GestionPhrase(tokens) ?? (entities.Count > 0 ? "gestión de " + entities[0].PluralWords : "general"));
        }

        for (var i = 1; i < tokens.Count; i++)
        {
            // "task management", "inventory management"
            var previous = tokens[i - 1].Text;
            if (tokens[i].Text == "management" && EnumerationGrammar.IsWord(previous) && !EnumerationGrammar.IsArticle(previous)
                && !EnumerationGrammar.IsTerminator(previous) && !NounLexicon.IsNonEntity(previous))
            {
                return Naming.ToWords(NounLexicon.ToEntityKey(previous)) + " management";
            }
        }

        // "gestión de tareas", "gestion del inventario"
        var gestion = tokens.FindIndex(t => t.Text == "gestion");
        if (gestion >= 0 && GestionNoun(tokens, gestion) is { } noun && NounLexicon.DomainOf(noun.Text) is null)
        {
            return Naming.ToWords(NounLexicon.ToEntityKey(noun.Text)) + " management";
        }

        if (domainWord is not null)
        {
            return domainWord.Contains(' ') ? domainWord : domainWord + " management";
        }

        // A Spanish request named in English keeps English prose: its Spanish phrase would not fit.
        if (phrase is not null && !isSpanish)
        {
            return Capitalize(phrase);
        }

        return entities.Count > 0 ? Naming.ToWords(entities[0].Key) + " management" : "General";
    }

    /// <summary>The words of a domain phrase as written, without articles; null when it only names an owner ("for a client").</summary>
    private static string? DomainPhrase(List<RequestToken> tokens, IReadOnlyList<int> indexes)
    {
        var words = indexes.Select(i => tokens[i]).Where(t => !EnumerationGrammar.IsArticle(t.Text) && !NounLexicon.IsNonEntity(t.Text)).ToList();
        if (words.Count == 0 || EntityCatalog.OwnerKeys.Contains(NounLexicon.ToEntityKey(words[^1].Text)))
        {
            return null;
        }

        return string.Join(' ', words.Select(w => w.Original));
    }

    /// <summary>"gestión de visitas" as written.</summary>
    private static string? GestionPhrase(List<RequestToken> tokens)
    {
        var at = tokens.FindIndex(t => t.Text == "gestion");
        return at >= 0 && GestionNoun(tokens, at) is { } noun ? $"{tokens[at].Original} de {noun.Original}" : null;
    }

    /// <summary>The noun after "gestión de (la|las|los|el)", or null.</summary>
    private static RequestToken? GestionNoun(List<RequestToken> tokens, int at)
    {
        if (at + 2 >= tokens.Count || tokens[at + 1].Text is not ("de" or "del"))
        {
            return null;
        }

        var noun = tokens[at + 2].Text is "la" or "las" or "los" or "el" && at + 3 < tokens.Count ? tokens[at + 3] : tokens[at + 2];
        return EnumerationGrammar.IsWord(noun.Text) && !NounLexicon.IsNonEntity(noun.Text) ? noun : null;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"[a-z0-9]+(?:[.\-][a-z0-9]+)*|[,.;:!?()&/]")]
    private static partial Regex TokenPattern();
}
