namespace Mge.CodeIntelligence.Languages.Python.Syntax;

/// <summary>The value of the <c>...</c> literal in a <see cref="Constant"/>.</summary>
public sealed class PyEllipsis
{
    private PyEllipsis()
    {
    }

    /// <summary>The only instance.</summary>
    public static PyEllipsis Instance { get; } = new();

    /// <inheritdoc/>
    public override string ToString() => "Ellipsis";
}
