using System.Text;
using Mge.CodeIntelligence.Languages.Python.Parsing;

namespace Mge.CodeIntelligence.Tests.Languages.Python.Parsing;

/// <summary>Hostile input: deep nesting, huge files and lines, binary data. Never a crash or stack overflow.</summary>
public sealed class PythonParserRobustnessTests
{
    [Fact]
    public void TenThousandNestedParenthesesGiveTheCPythonDiagnostic()
    {
        var source = "x = " + new string('(', 10_000) + "1" + new string(')', 10_000) + "\n";
        var result = PythonParser.Parse(source);
        Assert.Equal("too many nested parentheses", result.Diagnostics[0].Message);
        Assert.Null(result.Tree);
    }

    [Fact]
    public void TwoHundredNestedBracketsStillParse()
    {
        var source = "x = " + new string('[', 199) + "1" + new string(']', 199) + "\n";
        Assert.True(PythonParser.Parse(source).Success);
    }

    [Fact]
    public void TenThousandNestedIfsGiveTheIndentationLimitDiagnostic()
    {
        var builder = new StringBuilder();
        for (int i = 0; i < 10_000; i++)
        {
            builder.Append(' ', i).Append("if x:\n");
        }

        builder.Append(' ', 10_000).Append("pass\n");
        var result = PythonParser.Parse(builder.ToString());
        Assert.Equal("too many levels of indentation", result.Diagnostics[0].Message);
    }

    [Theory]
    [InlineData("-")]
    [InlineData("not ")]
    [InlineData("lambda: ")]
    [InlineData("~")]
    public void DeepUnaryChainsGiveADiagnostic(string prefix)
    {
        var source = "async def f():\n    return " + string.Concat(Enumerable.Repeat(prefix, 10_000)) + "x\n";
        var result = PythonParser.Parse(source);
        Assert.Equal("too many nested expressions", result.Diagnostics[0].Message);
    }

    [Fact]
    public void LongLeftAssociativeChainsAreBoundedForWalkers()
    {
        Assert.True(PythonParser.Parse("x = " + string.Concat(Enumerable.Repeat("a + ", 500)) + "a\n").Success);
        var deep = PythonParser.Parse("x = " + string.Concat(Enumerable.Repeat("a + ", 100_000)) + "a\n");
        Assert.Equal("too many nested expressions", deep.Diagnostics[0].Message);
        Assert.True(PythonParser.Parse("x = a" + string.Concat(Enumerable.Repeat(".b", 900)) + "\n").Success);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void FiftyMegabyteFileParses() => ParsesGeneratedFile(50);

    [Fact]
    public void FiveMegabyteFileParses() => ParsesGeneratedFile(5);

    private static void ParsesGeneratedFile(int megabytes)
    {
        const string chunk = "def handler_{0}(request, *args, **kwargs):\n    value = request.get('key', [1, 2, 3])\n    return {{'id': {0}, 'value': value}}\n\n";
        var builder = new StringBuilder((megabytes + 1) * 1024 * 1024);
        int i = 0;
        while (builder.Length < megabytes * 1024 * 1024)
        {
            builder.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, chunk, i++);
        }

        var result = PythonParser.Parse(builder.ToString());
        Assert.True(result.Success);
        Assert.Equal(i, result.Tree!.Body.Count);
    }

    [Fact]
    public void OneMegabyteLineParses()
    {
        var source = "x = [" + string.Concat(Enumerable.Repeat("1, ", 350_000)) + "]\n";
        Assert.True(source.Length > 1_000_000);
        var result = PythonParser.Parse(source);
        Assert.True(result.Success);
    }

    [Fact]
    public void BinaryInputGetsADiagnostic()
    {
        var random = new Random(42);
        var bytes = new byte[4096];
        random.NextBytes(bytes);
        var fromBytes = PythonParser.Parse(bytes);
        Assert.NotEmpty(fromBytes.Diagnostics);
        Assert.Null(fromBytes.Tree);
        var noNul = bytes.Select(b => b == 0 ? (byte)1 : b).ToArray();
        var latin1 = PythonParser.Parse(Encoding.Latin1.GetString(noNul));
        Assert.NotEmpty(latin1.Diagnostics);
    }

    [Fact]
    public void CancellationIsHonoured()
    {
        var source = string.Concat(Enumerable.Repeat("x = 1\n", 200_000));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => PythonParser.Parse(source, cts.Token));
    }
}
