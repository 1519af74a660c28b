using System.Diagnostics;
using System.Text;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Corpus;

/// <summary>One corpus entry: an original file or a deterministic mutant of one.</summary>
public sealed record CorpusSource(string Name, string Text, bool IsMutant);

/// <summary>
/// Real Python files (CPython's standard library and site-packages of the local python3) and deterministic
/// mutants of them: a def line's ':' deleted, a closing bracket dropped, an indent broken, a quote left open.
/// </summary>
public static class PythonCorpus
{
    /// <summary>The .py files of the stdlib and site-packages, sorted; files that are not UTF-8 are left out.</summary>
    public static IReadOnlyList<string> FindFiles(string python)
    {
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import sysconfig;p=sysconfig.get_paths();print(p['stdlib']);print(p['purelib'])");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start");
        var roots = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        process.WaitForExit();
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var root in roots.Distinct())
        {
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(root, "*.py", SearchOption.AllDirectories))
            {
                files.Add(file);
            }
        }

        return files.ToList();
    }

    /// <summary>Every <c>n</c>-th file so that about <paramref name="count"/> files spread over the corpus are kept.</summary>
    public static IReadOnlyList<string> Sample(IReadOnlyList<string> files, int count)
    {
        if (files.Count <= count)
        {
            return files;
        }

        double step = files.Count / (double)count;
        return Enumerable.Range(0, count).Select(i => files[(int)(i * step)]).ToList();
    }

    /// <summary>Reads the files (strict UTF-8) and adds up to four mutants per file.</summary>
    public static IReadOnlyList<CorpusSource> Load(IReadOnlyList<string> files, bool withMutants)
    {
        var strict = new UTF8Encoding(false, true);
        var sources = new List<CorpusSource>();
        for (int i = 0; i < files.Count; i++)
        {
            string text;
            try
            {
                text = strict.GetString(File.ReadAllBytes(files[i]));
            }
            catch (DecoderFallbackException)
            {
                // Latin-1 files with a coding cookie: this parser takes decoded text, so they are out of scope.
                continue;
            }

            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            sources.Add(new CorpusSource(files[i], text, false));
            if (withMutants)
            {
                var random = new Random(StableHash(files[i]));
                foreach (var mutant in Mutate(text, random))
                {
                    sources.Add(new CorpusSource($"{files[i]}#{mutant.Kind}", mutant.Text, true));
                }
            }
        }

        return sources;
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = 17;
            foreach (char c in Path.GetFileName(text))
            {
                hash = (hash * 31) + c;
            }

            return hash;
        }
    }

    /// <summary>The four kinds of deterministic damage; a kind is skipped when the file offers no place for it.</summary>
    public static IEnumerable<(string Kind, string Text)> Mutate(string text, Random random)
    {
        var lines = text.Split('\n');

        var defLines = Enumerable.Range(0, lines.Length)
            .Where(i => lines[i].TrimStart().StartsWith("def ", StringComparison.Ordinal) && lines[i].TrimEnd().EndsWith(':'))
            .ToList();
        if (defLines.Count > 0)
        {
            int line = defLines[random.Next(defLines.Count)];
            var copy = (string[])lines.Clone();
            var trimmed = copy[line].TrimEnd();
            copy[line] = trimmed[..^1] + copy[line][trimmed.Length..];
            yield return ("def-colon", string.Join('\n', copy));
        }

        var closers = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is ')' or ']' or '}')
            {
                closers.Add(i);
            }
        }

        if (closers.Count > 0)
        {
            int at = closers[random.Next(closers.Count)];
            yield return ("bracket", text.Remove(at, 1));
        }

        var indented = Enumerable.Range(1, Math.Max(0, lines.Length - 1))
            .Where(i => lines[i].Length > 0 && lines[i][0] == ' ' && lines[i].Trim().Length > 0)
            .ToList();
        if (indented.Count > 0)
        {
            int line = indented[random.Next(indented.Count)];
            var copy = (string[])lines.Clone();
            copy[line] = random.Next(2) == 0 ? copy[line][1..] : " " + copy[line];
            yield return ("indent", string.Join('\n', copy));
        }

        var quoted = new List<(int Line, int Index)>();
        for (int i = 0; i < lines.Length; i++)
        {
            int open = lines[i].IndexOfAny(['"', '\'']);
            if (open >= 0)
            {
                int close = lines[i].IndexOf(lines[i][open], open + 1);
                if (close > open)
                {
                    quoted.Add((i, close));
                }
            }
        }

        if (quoted.Count > 0)
        {
            var (line, index) = quoted[random.Next(quoted.Count)];
            var copy = (string[])lines.Clone();
            copy[line] = copy[line].Remove(index, 1);
            yield return ("quote", string.Join('\n', copy));
        }
    }
}
