using Mge.CodeIntelligence.Atomization;

namespace Mge.CodeIntelligence.Tests.Atomization.Python;

/// <summary>The properties every atomization must have, checked the same way by every test.</summary>
internal static class AtomInvariants
{
    public static void AssertLossless(string text, IReadOnlyList<Atom> atoms)
    {
        Assert.Equal(text, string.Concat(atoms.Select(a => a.Code)));
        var expectedStart = 0;
        var expectedLine = 1;
        for (var i = 0; i < atoms.Count; i++)
        {
            var atom = atoms[i];
            Assert.Equal(i, atom.Index);
            Assert.Equal(expectedStart, atom.StartOffset);
            Assert.True(atom.EndOffset > atom.StartOffset, $"atom {i} is empty");
            Assert.Equal(text[atom.StartOffset..atom.EndOffset], atom.Code);
            Assert.True(atom.StartLine >= expectedLine - 1 && atom.StartLine <= expectedLine, $"atom {i} starts on line {atom.StartLine}, expected about {expectedLine}");
            Assert.True(atom.EndLine >= atom.StartLine);
            expectedStart = atom.EndOffset;
            expectedLine = atom.EndLine + 1;
        }

        Assert.Equal(text.Length, expectedStart);
    }
}
