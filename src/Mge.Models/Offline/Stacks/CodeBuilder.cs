using System.Text;

namespace Mge.Models.Offline.Stacks;

/// <summary>
/// Accumulates source lines with the current indentation. Writers compose files from small methods that
/// each append one construct; <see cref="Indent"/> scopes a nested block. Lines end with "\n".
/// </summary>
internal sealed class CodeBuilder(string indentUnit = "    ")
{
    private readonly StringBuilder _text = new();
    private int _depth;

    /// <summary>Appends one line at the current indentation (an empty string gives a blank line).</summary>
    public CodeBuilder Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _depth; i++)
            {
                _text.Append(indentUnit);
            }

            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    public CodeBuilder Lines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            Line(line);
        }

        return this;
    }

    /// <summary>Appends a blank line unless the text already ends with one (or is empty).</summary>
    public CodeBuilder Blank(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Line();
        }

        return this;
    }

    /// <summary>Indents lines written until the returned scope is disposed.</summary>
    public IDisposable Indent()
    {
        _depth++;
        return new Scope(this);
    }

    /// <summary>Writes <paramref name="header"/>, then the body one level deeper (Python blocks).</summary>
    public CodeBuilder Block(string header, Action<CodeBuilder> body)
    {
        Line(header);
        using (Indent())
        {
            body(this);
        }

        return this;
    }

    /// <summary>Writes "<paramref name="header"/> {", the body one level deeper, then "}" + <paramref name="closing"/> (JavaScript blocks).</summary>
    public CodeBuilder Braces(string header, Action<CodeBuilder> body, string closing = "")
    {
        Line(header + " {");
        using (Indent())
        {
            body(this);
        }

        return Line("}" + closing);
    }

    public override string ToString() => _text.ToString();

    private sealed class Scope(CodeBuilder owner) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                owner._depth--;
                _disposed = true;
            }
        }
    }
}
