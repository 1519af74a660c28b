using Mge.Models.Offline.Blueprint;

namespace Mge.Models.Offline.Discovery;

/// <summary>
/// One list item read as a noun phrase, and the entity it names.
/// English puts the head noun last with its modifiers before it ("order items" -> OrderItem); "X of Y" reads
/// as "Y X" ("types of hives" -> HiveType). Spanish puts the head first, then agreeing adjectives, then a
/// complement after "de": the name is the singular head and adjectives followed by the complement as written,
/// without "de" or articles ("solicitudes de adopción" -> SolicitudAdopcion, "cuentas bancarias" ->
/// CuentaBancaria). Leading feature words are skipped ("gestión de reservas" -> reservas). Articles,
/// quantifiers and vague qualifiers ("own", "related", "varios") are never part of a name.
/// </summary>
internal sealed record NounPhrase(
    RequestToken Head,
    int HeadIndex,
    IReadOnlyList<RequestToken> Modifiers,
    IReadOnlyList<RequestToken> Adjectives,
    IReadOnlyList<RequestToken> Complement,
    bool Spanish)
{
    private const int MaxModifiers = 2;

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "some", "their", "its", "his", "her", "our", "my", "your", "these", "those", "this", "any",
        "multiple", "several", "many", "all", "every", "basic", "simple", "new", "different", "own", "other", "others",
        "related", "various", "existing", "associated", "respective", "individual", "specific", "available",
        "el", "la", "los", "las", "un", "una", "unos", "unas", "sus", "su", "tus", "mis", "mi", "nuestros", "nuestras",
        "varios", "varias", "todos", "todas", "distintos", "distintas", "diferentes", "propios", "propias", "otros",
        "otras", "relacionados", "relacionadas", "asociados", "asociadas", "existentes", "respectivos", "respectivas",
        "algunos", "algunas", "cualquier", "nuevos", "nuevas",
    };

    /// <summary>Reads the item's tokens as a noun phrase, or null when no word of it can name an entity.</summary>
    public static NounPhrase? Read(IReadOnlyList<RequestToken> tokens, IReadOnlyList<int> item, bool spanish)
    {
        var words = item.Select(i => (Index: i, Token: tokens[i])).Where(w => !Determiners.Contains(w.Token.Text)).ToList();
        return spanish ? ReadSpanish(words) : ReadEnglish(words);
    }

    /// <summary>A single known word met outside any list ("users can create tasks").</summary>
    public static NounPhrase Single(RequestToken token, int index, bool spanish) => new(token, index, [], [], [], spanish);

    /// <summary>True when the item's head noun is a plural ("hives", "solicitudes de adopción").</summary>
    public static bool LooksPlural(IReadOnlyList<RequestToken> tokens, IReadOnlyList<int> item, bool spanish) =>
        Read(tokens, item, spanish) is { IsPlural: true };

    public bool IsPlural => Spanish
        ? Head.Text.EndsWith('s') && SpanishInflection.Singularize(Head.Original) != Head.Original
        : EnglishInflection.Singularize(Head.Text) != Head.Text;

    /// <summary>
    /// The entity named in English: the lexicon's key for the head ("préstamos" -> loan, "staff" -> employee) after
    /// the modifiers, English or translated. Null for a Spanish phrase with a word the lexicon cannot translate.
    /// </summary>
    public EntityMention? Translated()
    {
        if (!Spanish)
        {
            var headKey = NounLexicon.ToEntityKey(Head.Text);
            var key = Naming.ToSnake(string.Join(' ', Modifiers.Select(m => m.Text).Append(headKey)));
            return Mention(key, headKey, key.Replace('_', ' '), Naming.Pluralize(key).Replace('_', ' '));
        }

        var head = NounLexicon.Translate(Head.Text);
        var complement = Complement.Select(c => NounLexicon.Translate(c.Text)).ToList();
        if (head is null || Adjectives.Count > 0 || complement.Any(c => c is null))
        {
            return null;
        }

        // English word order: "órdenes de compra" -> purchase order.
        var translated = Naming.ToSnake(string.Join(' ', complement.Append(head)));
        return Mention(translated, head, translated.Replace('_', ' '), Naming.Pluralize(translated).Replace('_', ' '));
    }

    /// <summary>The entity named with the request's own Spanish words, singular, accents folded in the key.</summary>
    public EntityMention Native()
    {
        var head = SpanishInflection.Singularize(Head.Original);
        var adjectives = Adjectives.Select(a => SpanishInflection.Singularize(a.Original)).ToList();
        var complement = Complement.Count == 0 ? "" : " de " + string.Join(' ', Complement.Select(c => c.Original));
        var singular = string.Join(' ', adjectives.Prepend(head));
        var plural = string.Join(' ', adjectives.Select(SpanishInflection.Pluralize).Prepend(SpanishInflection.Pluralize(head)));
        var key = Naming.ToSnake(string.Join(' ', Complement.Select(c => c.Original).Prepend(singular)));
        return Mention(key, NounLexicon.Translate(Head.Text) ?? key, singular + complement, plural + complement);
    }

    private EntityMention Mention(string key, string headKey, string words, string pluralWords) =>
        new(key, EntityCatalog.IsKnown(headKey) ? headKey : key, words, pluralWords);

    private static NounPhrase? ReadEnglish(List<(int Index, RequestToken Token)> words)
    {
        var of = words.FindIndex(w => w.Token.Text == "of");
        if (of >= 0)
        {
            // "types of hives" -> "hive type": what follows "of" becomes a singular modifier.
            var owner = words[(of + 1)..].Select(w => (w.Index, Token: Singular(w.Token)));
            words = [.. owner, .. words[..of]];
        }

        var content = words.Where(w => IsContent(w.Token.Text)).ToList();
        if (content.Count == 0)
        {
            return null;
        }

        var (headIndex, head) = content[^1];
        var modifiers = content[..^1].Select(w => w.Token).Where(t => NounLexicon.DomainOf(t.Text) is null).TakeLast(MaxModifiers).ToList();
        return new NounPhrase(head, headIndex, modifiers, [], [], Spanish: false);
    }

    private static NounPhrase? ReadSpanish(List<(int Index, RequestToken Token)> words)
    {
        // "gestión de reservas", "sistema de citas": the feature word and its "de" are not the entity.
        var start = 0;
        while (start < words.Count && (NounLexicon.IsNonEntity(words[start].Token.Text) || IsDe(words[start].Token.Text)))
        {
            start++;
        }

        if (start == words.Count || !IsContent(words[start].Token.Text))
        {
            return null;
        }

        var (headIndex, head) = words[start];
        var rest = words[(start + 1)..].Select(w => w.Token).ToList();
        var de = rest.FindIndex(t => IsDe(t.Text));
        var adjectives = (de < 0 ? rest : rest[..de]).Where(t => IsContent(t.Text)).ToList();
        var complement = de < 0 ? [] : rest[(de + 1)..].Where(t => !IsDe(t.Text) && IsContent(t.Text)).ToList();
        return new NounPhrase(head, headIndex, [], adjectives, complement, Spanish: true);
    }

    private static bool IsDe(string text) => text is "de" or "del" or "of";

    private static bool IsContent(string text) =>
        text.Length >= 2 && !char.IsAsciiDigit(text[0]) && !NounLexicon.IsNonEntity(text) && !Determiners.Contains(text);

    private static RequestToken Singular(RequestToken token) =>
        new(EnglishInflection.Singularize(token.Text), EnglishInflection.Singularize(token.Original));
}

/// <summary>
/// An entity a request names: <see cref="Key"/> is its snake_case singular identifier ("solicitud_adopcion"),
/// <see cref="CatalogKey"/> the catalogue entry giving its attributes and usual parents (the key itself when the
/// catalogue does not know it), <see cref="Words"/> and <see cref="PluralWords"/> how prose says it.
/// </summary>
internal sealed record EntityMention(string Key, string CatalogKey, string Words, string PluralWords);
