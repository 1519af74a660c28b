using System.Diagnostics;
using Mge.CodeIntelligence.Atomization.JavaScript;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Languages.JavaScript;

namespace Mge.CodeIntelligence.Tests.Atomization.JavaScript;

public sealed class RealJavaScriptLosslessTests
{
    private static readonly JavaScriptAtomizer Atomizer = new();
    private static readonly JavaScriptLanguageService Service = new();

    [Fact]
    public void Sampled_real_files_atomize_losslessly() => AtomizeLosslessly(RealJavaScriptFiles.Sample(200));

    [Fact]
    [Trait("Category", "Slow")]
    public void All_real_files_atomize_losslessly() => AtomizeLosslessly(RealJavaScriptFiles.All);

    [Fact]
    public void Syntax_verdicts_agree_with_node_check_on_a_sample() => AgreeWithNode(RealJavaScriptFiles.Sample(20));

    [Fact]
    [Trait("Category", "Slow")]
    public void Syntax_verdicts_agree_with_node_check_on_a_large_sample() => AgreeWithNode(RealJavaScriptFiles.Sample(300));

    private static void AtomizeLosslessly(IReadOnlyList<string> files)
    {
        var failures = new List<string>();
        var atomCount = 0;
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            var result = Atomizer.Atomize(new SourceFile(Path.GetFileName(path), text));
            if (!result.Succeeded)
            {
                failures.Add($"{path}: {string.Join("; ", result.Diagnostics)}");
                continue;
            }

            JavaScriptAtomizerTests.AssertLossless(text, result.Atoms);
            atomCount += result.Atoms.Count;
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(atomCount >= files.Count);
    }

    /// <summary>
    /// Each file as it is and cut in half (usually a syntax error), checked both as CommonJS (.cjs) and as an
    /// ES module (.mjs): our verdict must match node --check's. The extensions force the goal on both sides,
    /// because Node 20.20's --check skips checking ambiguous .js files that contain module syntax.
    /// </summary>
    private static void AgreeWithNode(IReadOnlyList<string> files)
    {
        var directory = Directory.CreateTempSubdirectory("mge-node-check-");
        try
        {
            var disagreements = new List<string>();
            var invalidSeen = 0;
            var n = 0;
            foreach (var path in files)
            {
                var text = File.ReadAllText(path);
                foreach (var (variant, extension) in new[] { (text, ".cjs"), (text, ".mjs"), (text[..(text.Length / 2)], ".cjs"), (text[..(text.Length / 2)], ".mjs") })
                {
                    var copy = Path.Combine(directory.FullName, $"f{n++}{extension}");
                    File.WriteAllText(copy, variant);
                    var nodeAccepts = NodeCheck(copy);
                    var ours = Service.Validate(new SourceFile(Path.GetFileName(copy), variant), ProjectContext.Empty);
                    var weAccept = !ours.Diagnostics.Any(d => d.Code == "syntax");
                    invalidSeen += nodeAccepts ? 0 : 1;
                    if (nodeAccepts != weAccept)
                    {
                        disagreements.Add($"{path} ({(variant.Length == text.Length ? "whole" : "half")} as {extension}): node {(nodeAccepts ? "accepts" : "rejects")}, we {(weAccept ? "accept" : "reject")}: {string.Join("; ", ours.Diagnostics.Where(d => d.Code == "syntax"))}");
                    }
                }
            }

            Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
            Assert.True(invalidSeen > 0, "the halved files should include syntax errors");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool NodeCheck(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("node", ["--check", file])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
