using System.Text;

namespace Mge.Sandbox;

/// <summary>
/// Keeps at most a cap of a step's output: the first half and the last half (a test runner's summary comes last),
/// counting what falls between. Writers may be concurrent (stdout and stderr drained at once).
/// </summary>
internal sealed class CappedOutput
{
    private readonly Lock _gate = new();
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private int _headLength;
    private int _tailEnd;
    private int _tailLength;
    private long _total;

    public CappedOutput(int cap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 2);
        _head = new byte[cap / 2];
        _tail = new byte[cap - _head.Length];
    }

    public int Cap => _head.Length + _tail.Length;

    public long TotalBytes
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    public long BytesDropped => Math.Max(0, TotalBytes - Cap);

    public void Write(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            _total += data.Length;
            var toHead = Math.Min(data.Length, _head.Length - _headLength);
            data[..toHead].CopyTo(_head.AsSpan(_headLength));
            _headLength += toHead;
            data = data[toHead..];
            if (data.Length >= _tail.Length)
            {
                // Only the last bytes can survive: the ring restarts at 0.
                data[^_tail.Length..].CopyTo(_tail);
                _tailEnd = 0;
                _tailLength = _tail.Length;
                return;
            }

            while (!data.IsEmpty)
            {
                var chunk = Math.Min(data.Length, _tail.Length - _tailEnd);
                data[..chunk].CopyTo(_tail.AsSpan(_tailEnd));
                _tailEnd = (_tailEnd + chunk) % _tail.Length;
                _tailLength = Math.Min(_tail.Length, _tailLength + chunk);
                data = data[chunk..];
            }
        }
    }

    /// <summary>The kept bytes as UTF-8 text; when bytes were dropped, a marker line stands in their place.</summary>
    public string ToText()
    {
        lock (_gate)
        {
            var tail = new byte[_tailLength];
            var start = (_tailEnd - _tailLength + _tail.Length) % _tail.Length;
            var first = Math.Min(_tailLength, _tail.Length - start);
            _tail.AsSpan(start, first).CopyTo(tail);
            _tail.AsSpan(0, _tailLength - first).CopyTo(tail.AsSpan(first));

            var dropped = _total - Cap;
            if (dropped <= 0)
            {
                return Encoding.UTF8.GetString([.. _head.AsSpan(0, _headLength), .. tail]);
            }

            return $"{Encoding.UTF8.GetString(_head)}\n[... {dropped} bytes of output dropped ...]\n{Encoding.UTF8.GetString(tail)}";
        }
    }
}
