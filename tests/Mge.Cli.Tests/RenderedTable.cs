namespace Mge.Cli.Tests;

/// <summary>
/// A two-column "item | value" table (or borderless "item  value" lines) as Spectre.Console drew it, read back
/// from the text: each row's item and the fragments of its value, one per drawn line. A row starts on a line
/// whose item cell is not blank (the item column never wraps); the lines after it with a blank item cell are
/// its value's continuation.
/// </summary>
public sealed record RenderedTable(int ValueWidth, IReadOnlyList<(string Item, IReadOnlyList<string> Fragments)> Rows)
{
    private const char Bar = '│';

    public static RenderedTable Parse(string output)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(Bar)).ToList();
        Assert.True(lines.Count > 1, $"no table in:\n{output}");
        var header = Cells(lines[0]);
        Assert.Equal(["item", "value"], header.Select(c => c.Trim()));

        // The value cell is padded by one space on each side.
        return new RenderedTable(header[1].Length - 2, Group(lines.Skip(1).Select(Cells)));
    }

    /// <summary>Borderless "item  value" lines whose values start at <paramref name="valueColumn"/>, at most <paramref name="width"/> wide.</summary>
    public static RenderedTable ParseColumns(string output, int valueColumn, int width)
    {
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(lines);
        return new RenderedTable(width - valueColumn, Group(lines.Select(l => l.Length <= valueColumn
            ? [l, ""]
            : new[] { l[..valueColumn], l[valueColumn..] })));
    }

    /// <summary>The value of <paramref name="item"/> with all whitespace removed: what survives any wrapping.</summary>
    public string Compact(string item) => Squeeze(string.Concat(Row(item)));

    /// <summary>The fragments of <paramref name="item"/>'s value.</summary>
    public IReadOnlyList<string> Row(string item)
    {
        var matches = Rows.Where(r => r.Item == item).ToList();
        Assert.True(matches.Count == 1, $"expected one row '{item}', found {matches.Count}: {string.Join(", ", Rows.Select(r => r.Item))}");
        return matches[0].Fragments;
    }

    /// <summary><paramref name="text"/> without any whitespace.</summary>
    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static List<(string Item, IReadOnlyList<string> Fragments)> Group(IEnumerable<string[]> lines)
    {
        var rows = new List<(string Item, List<string> Fragments)>();
        foreach (var cells in lines)
        {
            var item = cells[0].Trim();
            var fragment = cells[1].Trim();
            if (item.Length > 0)
            {
                rows.Add((item, [fragment]));
            }
            else
            {
                Assert.True(rows.Count > 0, $"a continuation line before any row: '{string.Join("|", cells)}'");
                rows[^1].Fragments.Add(fragment);
            }
        }

        return rows.Select(r => (r.Item, (IReadOnlyList<string>)r.Fragments)).ToList();
    }

    private static string[] Cells(string line)
    {
        var parts = line.Split(Bar);
        // "│ item │ value │" splits into "", " item ", " value ", "".
        Assert.True(parts.Length == 4 && parts[0].Length == 0 && parts[3].Length == 0, $"not a two-column table line: '{line}'");
        return parts[1..3];
    }
}
