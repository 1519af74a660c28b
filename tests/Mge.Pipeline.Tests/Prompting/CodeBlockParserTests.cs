using Mge.Pipeline.Prompting;

namespace Mge.Pipeline.Tests.Prompting;

public sealed class CodeBlockParserTests
{
    [Fact]
    public void Blocks_with_path_lines_give_the_path_and_code_without_the_path_line()
    {
        const string answer = "Files:\n```python\n# path: app/models/user.py\nclass User:\n    pass\n```\ntext\n```js\n// path: src/app.js\nmodule.exports = {};\n```\n~~~\n/* path: a.css */\nbody {}\n~~~\n";

        var parsed = CodeBlockParser.Parse(answer);

        Assert.True(parsed.Succeeded);
        Assert.Equal(["app/models/user.py", "src/app.js", "a.css"], parsed.Blocks.Select(b => b.PathLine));
        Assert.Equal("class User:\n    pass\n", parsed.Blocks[0].Code);
        Assert.Equal("python", parsed.Blocks[0].Info);
        Assert.Equal("module.exports = {};\n", parsed.Blocks[1].Code);
    }

    [Fact]
    public void A_block_without_a_path_line_keeps_all_its_code()
    {
        var parsed = CodeBlockParser.Parse("```python\n# a comment\nx = 1\n```");

        Assert.Null(parsed.Blocks.Single().PathLine);
        Assert.Equal("# a comment\nx = 1\n", parsed.Blocks[0].Code);
    }

    [Fact]
    public void No_fence_is_no_code_block()
    {
        Assert.Equal([CodeBlocks.NoCodeBlock], CodeBlockParser.Parse("def f():\n    return 1\n").Problems);
    }

    [Fact]
    public void An_unclosed_fence_is_a_truncated_code_block_and_the_partial_block_is_dropped()
    {
        var parsed = CodeBlockParser.Parse("```python\n# path: app/a.py\nx = 1\n```\n```python\n# path: app/b.py\ndef f(:\n");

        Assert.Equal([CodeBlocks.TruncatedCodeBlock], parsed.Problems);
        Assert.Equal("app/a.py", parsed.Blocks.Single().PathLine);
        Assert.False(parsed.Succeeded);
    }

    [Fact]
    public void A_longer_fence_can_hold_a_shorter_one()
    {
        var parsed = CodeBlockParser.Parse("````markdown\n# path: README.md\n```bash\nls\n```\n````");

        Assert.Equal("```bash\nls\n```\n", parsed.Blocks.Single().Code);
    }

    [Fact]
    public void A_length_finish_reason_marks_complete_blocks_as_cut_off_and_replaces_the_truncation_problem()
    {
        var complete = CodeBlockParser.Parse("```python\nx = 1\n```\n");
        Assert.True(complete.WithFinishReason("stop").Succeeded);
        var cut = complete.WithFinishReason("length");
        Assert.False(cut.Succeeded);
        Assert.Equal([CodeBlocks.CutOffAtLimit], cut.Problems);

        var truncated = CodeBlockParser.Parse("```python\nx = (\n").WithFinishReason("length");
        Assert.Equal([CodeBlocks.CutOffAtLimit], truncated.Problems);
    }
}
