namespace Mge.Models.Offline.Blueprint;

/// <summary>
/// Spanish singular and plural of one lower-case word, with or without accents: vowel + s ("visitas"),
/// consonant + es ("ciudades", "animales"), z -> ces ("lápices"), -ión -> -iones ("canciones"), borrowed words
/// in other consonants + s ("posts", "tickets"), the written accent
/// an added syllable moves ("almacén" -> "almacenes", "examen" -> "exámenes"), and tables where the rules fail
/// ("índices", "relojes", "lunes"). Accents are restored for correctly spelt words; callers fold them for identifiers.
/// </summary>
internal static class SpanishInflection
{
    private const string Vowels = "aeiouáéíóúü";
    private const string AccentedVowels = "áéíóú";
    private const string PlainVowels = "aeiou";

    /// <summary>Folded words that are singular and plural at once ("lunes", "paraguas").</summary>
    private static readonly HashSet<string> Invariant = new(StringComparer.Ordinal)
    {
        "lunes", "martes", "miercoles", "jueves", "viernes", "crisis", "analisis", "tesis", "sintesis", "dosis", "virus",
        "paraguas", "cumpleanos", "torax", "fenix", "atlas", "campus", "caries", "biceps", "triceps", "oasis", "diabetes",
        "herpes", "tenis", "parentesis", "abrelatas", "sacacorchos", "lavaplatos", "lavavajillas", "rascacielos",
        "portaaviones", "ciempies", "cortacesped", "limpiaparabrisas",
    };

    /// <summary>Folded plurals the rules get wrong, with their singular.</summary>
    private static readonly Dictionary<string, string> SingularExceptions = new(StringComparer.Ordinal)
    {
        ["caracteres"] = "carácter", ["regimenes"] = "régimen", ["especimenes"] = "espécimen", ["menus"] = "menú",
        ["tabus"] = "tabú", ["champus"] = "champú", ["bambus"] = "bambú", ["iglus"] = "iglú", ["relojes"] = "reloj",
        ["cines"] = "cine", ["nenes"] = "nene", ["bailes"] = "baile", ["frailes"] = "fraile", ["chiles"] = "chile",
        ["vales"] = "vale", ["moles"] = "mole", ["aires"] = "aire", ["sedes"] = "sede", ["piramides"] = "pirámide",
        ["indices"] = "índice", ["apendices"] = "apéndice", ["vertices"] = "vértice", ["codices"] = "códice",
        ["enlaces"] = "enlace", ["gases"] = "gas", ["compases"] = "compás",
    };

    /// <summary>Folded singulars whose plural moves the accent in a way no rule predicts.</summary>
    private static readonly Dictionary<string, string> PluralExceptions = new(StringComparer.Ordinal)
    {
        ["caracter"] = "caracteres", ["regimen"] = "regímenes", ["especimen"] = "especímenes",
    };

    /// <summary>Endings of adjectives that agree with the noun before them ("cuentas bancarias", "historias clínicas").</summary>
    private static readonly string[] AdjectiveEndings = ["ario", "aria", "ico", "ica", "ivo", "iva", "oso", "osa", "ble"];

    public static string Singularize(string word)
    {
        var folded = Naming.Fold(word);
        if (folded.Length <= 3 || Invariant.Contains(folded))
        {
            return word;
        }

        if (SingularExceptions.TryGetValue(folded, out var exception))
        {
            return exception;
        }

        if (!folded.EndsWith('s') || folded.EndsWith("is", StringComparison.Ordinal) || folded.EndsWith("us", StringComparison.Ordinal))
        {
            // Already singular, or a singular in -is/-us ("país", "autobús", "virus").
            return word;
        }

        if (folded.EndsWith("iones", StringComparison.Ordinal))
        {
            return word[..^5] + "ión";
        }

        if (folded.EndsWith("ces", StringComparison.Ordinal))
        {
            // "lápices" -> "lápiz", "luces" -> "luz"; after a consonant the singular ends in -ce ("avances", "dulces").
            return PlainVowels.Contains(folded[^4]) ? word[..^3] + "z" : word[..^1];
        }

        if (folded.EndsWith("es", StringComparison.Ordinal))
        {
            var stem = word[..^2];
            var foldedStem = folded[..^2];
            if (AccentedVowels.Contains(stem[^1]))
            {
                return stem;
            }

            var last = foldedStem[^1];
            var previous = foldedStem[^2];
            if (PlainVowels.Contains(previous) && (last is 'd' or 'l' or 'r' or 'n' or 'y' or 'x' or 'm' || (last == 's' && previous != 'a')))
            {
                // "ciudades", "animales", "autores", "razones", "leyes", "meses", "álbumes"; "clases" keeps its e (clase).
                return last is 'n' or 's' ? WithSingularAccent(stem) : stem;
            }

            // "adoptantes", "clientes", "calles", "padres", "viajes": the singular ends in e.
            return word[..^1];
        }

        return word[..^1];
    }

    public static string Pluralize(string word)
    {
        var folded = Naming.Fold(word);
        if (folded.Length == 0 || Invariant.Contains(folded))
        {
            return word;
        }

        if (PluralExceptions.TryGetValue(folded, out var exception))
        {
            return exception;
        }

        var last = word[^1];
        if (folded.EndsWith('z'))
        {
            return word[..^1] + "ces";
        }

        if (PlainVowels.Contains(last) || last is 'á' or 'é' or 'ó' or 'ú')
        {
            return word + "s";
        }

        if (last == 'í')
        {
            return word + "es";
        }

        if (folded.EndsWith('s') || folded.EndsWith('x'))
        {
            // Monosyllables and words stressed on the last syllable add -es ("mes", "autobús", "país");
            // the others do not change ("lunes", "crisis", "tórax").
            return VowelGroups(folded).Count == 1 || AccentInLastGroup(word) ? WithoutFinalAccent(word) + "es" : word;
        }

        if (last is not ('d' or 'l' or 'r' or 'n' or 'j' or 'y' or 'm'))
        {
            // Borrowed words ending in other consonants add -s: "posts", "tickets", "clubs", "chats".
            return word + "s";
        }

        if (folded.EndsWith("en", StringComparison.Ordinal) && !word.Any(AccentedVowels.Contains) && VowelGroups(folded).Count >= 2)
        {
            // A word stressed on the second-last syllable gains a written accent: "examen" -> "exámenes".
            return AccentOnGroup(word, VowelGroups(folded).Count - 2) + "es";
        }

        return WithoutFinalAccent(word) + "es";
    }

    /// <summary>
    /// Plural of a snake_case Spanish identifier: the head noun comes first and takes the plural, with the
    /// agreeing adjectives that follow it ("cuenta_bancaria" -> "cuentas_bancarias"); a complement that followed
    /// "de" keeps its number ("solicitud_adopcion" -> "solicitudes_adopcion"). The result is folded.
    /// </summary>
    public static string PluralizeIdentifier(string snake) => InflectIdentifier(snake, Pluralize);

    /// <summary>Singular of a snake_case Spanish identifier, head and agreeing adjectives ("historias_clinicas").</summary>
    public static string SingularizeIdentifier(string snake) => InflectIdentifier(snake, Singularize);

    private static string InflectIdentifier(string snake, Func<string, string> inflect)
    {
        var parts = snake.Split('_');
        if (parts.Length == 0 || parts[0].Length == 0)
        {
            return snake;
        }

        parts[0] = Naming.Fold(inflect(parts[0]));
        for (var i = 1; i < parts.Length && IsAdjective(parts[i]); i++)
        {
            parts[i] = Naming.Fold(inflect(parts[i]));
        }

        return string.Join('_', parts);
    }

    private static bool IsAdjective(string word)
    {
        var singular = Naming.Fold(Singularize(word));
        return AdjectiveEndings.Any(e => singular.EndsWith(e, StringComparison.Ordinal) && singular.Length > e.Length + 2);
    }

    /// <summary>
    /// The singular of a plural in -nes/-ses: stressed on its last syllable it carries an accent ("razones" ->
    /// "razón", "intereses" -> "interés"); a plural accented earlier loses it ("exámenes" -> "examen").
    /// </summary>
    private static string WithSingularAccent(string stem)
    {
        var folded = Naming.Fold(stem);
        if (!(folded.EndsWith('n') || folded.EndsWith('s')))
        {
            return stem;
        }

        var groups = VowelGroups(folded);
        var accented = stem.IndexOfAny(AccentedVowels.ToCharArray());
        if (accented >= 0)
        {
            // An accent on the last syllable stays ("país"); one further back belonged to the plural ("exámenes").
            return accented >= groups[^1].Start ? stem : stem[..accented] + folded[accented] + stem[(accented + 1)..];
        }

        return groups.Count >= 2 ? AccentOnGroup(stem, groups.Count - 1) : stem;
    }

    /// <summary>Drops the accent of a last syllable before -es is added ("canción" -> "cancion"), except í/ú in hiatus ("país").</summary>
    private static string WithoutFinalAccent(string word)
    {
        var folded = Naming.Fold(word);
        if (!(folded.EndsWith('n') || folded.EndsWith('s')))
        {
            return word;
        }

        var last = VowelGroups(folded)[^1];
        for (var i = last.Start; i < last.Start + last.Length; i++)
        {
            if (AccentedVowels.Contains(word[i]))
            {
                var hiatus = word[i] is 'í' or 'ú' && i > 0 && Vowels.Contains(word[i - 1]);
                return hiatus ? word : word[..i] + folded[i] + word[(i + 1)..];
            }
        }

        return word;
    }

    private static bool AccentInLastGroup(string word)
    {
        var last = VowelGroups(Naming.Fold(word))[^1];
        return word.Substring(last.Start, last.Length).Any(AccentedVowels.Contains);
    }

    /// <summary>Puts the written accent on the strong vowel (a, e, o) of a vowel group, or on its last vowel.</summary>
    private static string AccentOnGroup(string word, int groupIndex)
    {
        var folded = Naming.Fold(word);
        var group = VowelGroups(folded)[groupIndex];
        var index = group.Start + group.Length - 1;
        for (var i = group.Start; i < group.Start + group.Length; i++)
        {
            if (folded[i] is 'a' or 'e' or 'o')
            {
                index = i;
                break;
            }
        }

        var accented = AccentedVowels[PlainVowels.IndexOf(folded[index], StringComparison.Ordinal)];
        return word[..index] + accented + word[(index + 1)..];
    }

    /// <summary>Runs of vowels in a folded word (a rough count of syllables: diphthongs count once).</summary>
    private static List<(int Start, int Length)> VowelGroups(string folded)
    {
        var groups = new List<(int Start, int Length)>();
        for (var i = 0; i < folded.Length; i++)
        {
            if (!PlainVowels.Contains(folded[i]))
            {
                continue;
            }

            var start = i;
            while (i + 1 < folded.Length && PlainVowels.Contains(folded[i + 1]))
            {
                i++;
            }

            groups.Add((start, i - start + 1));
        }

        if (groups.Count == 0)
        {
            groups.Add((folded.Length - 1, 1));
        }

        return groups;
    }
}
