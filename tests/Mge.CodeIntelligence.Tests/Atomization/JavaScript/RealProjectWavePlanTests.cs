using Mge.CodeIntelligence.Atomization.JavaScript;
using Mge.CodeIntelligence.Graph;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Tests.Graph;

namespace Mge.CodeIntelligence.Tests.Atomization.JavaScript;

public sealed class RealProjectWavePlanTests
{
    [Fact]
    public void Npm_lib_atomizes_and_plans_with_the_wave_invariant()
    {
        const string root = "/usr/lib/node_modules/npm";
        Assert.True(Directory.Exists(Path.Combine(root, "lib")), "npm's lib folder is expected on this machine");
        var atomizer = new JavaScriptAtomizer();
        var atoms = Directory.EnumerateFiles(Path.Combine(root, "lib"), "*.js", SearchOption.AllDirectories)
            .OrderBy(f => f, StringComparer.Ordinal)
            .SelectMany(f =>
            {
                var result = atomizer.Atomize(new SourceFile(Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)));
                Assert.True(result.Succeeded, f);
                return result.Atoms;
            })
            .ToList();

        var plan = WavePlanner.Plan(atoms, maxWaveSize: 64);
        WavePlanInvariant.Check(atoms.Select(a => a.Id).ToList(), plan.Edges, plan);
        var crossFile = plan.Edges.Count(e => e.From.Split('#')[0] != e.To.Split('#')[0]);
        Assert.True(crossFile > 50, $"only {crossFile} cross-file edges among {plan.Edges.Count}");
        Assert.True(plan.Waves.Count > 3);
    }
}
