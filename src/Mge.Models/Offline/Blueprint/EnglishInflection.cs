namespace Mge.Models.Offline.Blueprint;

/// <summary>
/// English singular and plural of one lower-case word: suffix rules ("apiaries" -> "apiary", "boxes" -> "box",
/// "statuses" -> "status"), then tables for the words where the rules fail ("people", "movies", "knives",
/// "heroes", "aliases"). Singularize(Pluralize(w)) gives w back for every word the tables and rules cover.
/// </summary>
internal static class EnglishInflection
{
    /// <summary>Singular and plural pairs no suffix rule gives; read both ways.</summary>
    private static readonly (string Singular, string Plural)[] IrregularPairs =
    [
        ("person", "people"), ("child", "children"), ("man", "men"), ("woman", "women"), ("mouse", "mice"),
        ("foot", "feet"), ("tooth", "teeth"), ("goose", "geese"), ("ox", "oxen"), ("datum", "data"), ("index", "indexes"),
        ("analysis", "analyses"), ("diagnosis", "diagnoses"), ("thesis", "theses"), ("crisis", "crises"),
        ("hypothesis", "hypotheses"), ("synopsis", "synopses"), ("axis", "axes"), ("criterion", "criteria"),
        ("phenomenon", "phenomena"), ("curriculum", "curricula"), ("cactus", "cacti"), ("fungus", "fungi"),
        ("alumnus", "alumni"), ("stimulus", "stimuli"), ("radius", "radii"), ("syllabus", "syllabi"), ("nucleus", "nuclei"),
        ("leaf", "leaves"), ("knife", "knives"), ("shelf", "shelves"), ("wolf", "wolves"), ("half", "halves"),
        ("life", "lives"), ("wife", "wives"), ("thief", "thieves"), ("loaf", "loaves"), ("calf", "calves"),
        ("scarf", "scarves"), ("elf", "elves"), ("hero", "heroes"), ("potato", "potatoes"), ("tomato", "tomatoes"),
        ("echo", "echoes"), ("veto", "vetoes"), ("torpedo", "torpedoes"), ("embargo", "embargoes"), ("quiz", "quizzes"),
    ];

    private static readonly Dictionary<string, string> PluralOf =
        IrregularPairs.ToDictionary(p => p.Singular, p => p.Plural, StringComparer.Ordinal);

    private static readonly Dictionary<string, string> SingularOf =
        IrregularPairs.ToDictionary(p => p.Plural, p => p.Singular, StringComparer.Ordinal);

    /// <summary>Words that end in s but are singular, or have no plural: both directions leave them alone.</summary>
    private static readonly HashSet<string> Invariant = new(StringComparer.Ordinal)
    {
        "news", "series", "species", "means", "chassis", "corps", "headquarters", "data", "information", "equipment",
        "feedback", "software", "hardware", "media", "staff", "sheep", "fish", "deer", "moose", "aircraft", "offspring",
        "furniture", "luggage", "baggage", "advice", "knowledge", "research", "evidence", "traffic",
    };

    /// <summary>Singulars whose plural adds a plain s although the suffix rules would cut more ("movies" is not "movy").</summary>
    private static readonly HashSet<string> PlainPluralS = new(StringComparer.Ordinal)
    {
        "movie", "cookie", "calorie", "zombie", "brownie", "selfie", "smoothie", "rookie", "hoodie", "freebie", "newbie",
        "genie", "pixie", "veggie", "goalie", "prairie", "lingerie", "rotisserie", "magpie", "birdie", "collie", "auntie",
        "cache", "niche", "headache", "avalanche", "quiche", "cliche", "moustache", "microfiche", "psyche",
        "shoe", "horseshoe", "toe", "tiptoe", "canoe", "oboe", "hoe", "foe", "floe", "sloe", "aloe", "throe", "woe",
        "use", "misuse", "fuse", "excuse", "abuse", "muse", "ruse", "refuse", "recluse",
    };

    /// <summary>Singulars ending in s that take "es" (cut back to the singular by dropping "es").</summary>
    private static readonly HashSet<string> SibilantSingulars = new(StringComparer.Ordinal)
    {
        "alias", "canvas", "atlas", "bias", "gas", "bus", "virus", "status", "campus", "bonus", "census", "lens", "iris",
        "plus", "apparatus", "prospectus", "corpus", "octopus", "circus", "genus", "walrus", "chorus", "focus", "consensus",
    };

    /// <summary>Singulars ending in "man" whose plural is regular ("humans", not "humen").</summary>
    private static readonly HashSet<string> ManWithRegularPlural = new(StringComparer.Ordinal)
    {
        "human", "german", "roman", "shaman", "talisman", "caiman", "cayman", "ottoman", "walkman", "doberman",
    };

    /// <summary>Singulars ending in "men" ("specimen"), not plurals of "-man".</summary>
    private static readonly HashSet<string> MenSingulars = new(StringComparer.Ordinal)
    {
        "specimen", "abdomen", "regimen", "omen", "stamen", "semen", "hymen", "acumen", "albumen", "bitumen", "lumen",
        "ramen", "amen", "dolmen", "yemen", "agnomen", "cognomen", "rumen",
    };

    public static string Singularize(string word)
    {
        if (Invariant.Contains(word) || SibilantSingulars.Contains(word))
        {
            return word;
        }

        if (SingularOf.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if (word.Length <= 3)
        {
            return word;
        }

        if (word.EndsWith("men", StringComparison.Ordinal) && !MenSingulars.Contains(word))
        {
            // Compounds of "man": "salesmen", "chairwomen".
            return word[..^3] + "man";
        }

        if (word.EndsWith('s') && PlainPluralS.Contains(word[..^1]))
        {
            return word[..^1];
        }

        if (word.EndsWith("es", StringComparison.Ordinal) && SibilantSingulars.Contains(word[..^2]))
        {
            return word[..^2];
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (EndsWithAny(word, "sses", "shes", "ches", "xes", "zzes", "oes"))
        {
            return word[..^2];
        }

        if (word.EndsWith("uses", StringComparison.Ordinal))
        {
            // "statuses" -> "status", but "houses" -> "house", "causes" -> "cause".
            return EndsWithAny(word, "ouses", "auses") ? word[..^1] : word[..^2];
        }

        if (EndsWithAny(word, "ss", "us", "is"))
        {
            return word;
        }

        return word.EndsWith('s') ? word[..^1] : word;
    }

    public static string Pluralize(string word)
    {
        if (word.Length == 0 || Invariant.Contains(word))
        {
            return word;
        }

        if (PluralOf.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if (word.EndsWith("man", StringComparison.Ordinal) && word.Length > 3 && !ManWithRegularPlural.Contains(word))
        {
            return word[..^3] + "men";
        }

        if (word.EndsWith('y') && word.Length > 1 && !IsVowel(word[^2]))
        {
            return word[..^1] + "ies";
        }

        if (EndsWithAny(word, "s", "x", "z", "ch", "sh"))
        {
            return word + "es";
        }

        return word + "s";
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool EndsWithAny(string word, params string[] suffixes) =>
        suffixes.Any(s => word.EndsWith(s, StringComparison.Ordinal));
}
