using Mge.CodeIntelligence.Graph;

namespace Mge.CodeIntelligence.Tests.Graph;

public sealed class NameTableTests
{
    [Fact]
    public void Names_get_dense_ids_that_survive_growth_and_are_found_by_string_or_span()
    {
        var table = new NameTable(expectedCount: 1);
        var names = Enumerable.Range(0, 10_000).Select(i => "name" + i).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            Assert.Equal(i, table.GetOrAdd(names[i]));
        }

        Assert.Equal(names.Length, table.Count);
        for (var i = 0; i < names.Length; i++)
        {
            // A different instance with the same text finds the same id; so does a span inside a longer string.
            Assert.Equal(i, table.GetOrAdd(new string(names[i].AsSpan())));
            Assert.Equal(i, table.Find(names[i]));
            Assert.Equal(i, table.Find(("x." + names[i] + ".y").AsSpan(2, names[i].Length)));
            Assert.Same(names[i], table[i]);
        }

        Assert.Equal(names.Length, table.Count);
        Assert.Equal(-1, table.Find("missing"));
        Assert.Equal(-1, table.Find(ReadOnlySpan<char>.Empty));
        Assert.Equal(names.Length, table.GetOrAdd(string.Empty));
        Assert.Equal(names.Length, table.Find(ReadOnlySpan<char>.Empty));
    }
}
