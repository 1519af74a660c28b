namespace Mge.CodeIntelligence.Graph;

/// <summary>
/// Interns names (file paths, symbols) to dense ids 0..Count-1 for the symbol index. An open-addressing
/// table whose slots hold the key, its hash and its id side by side, so a lookup in a table of millions of
/// names costs one probe and one key comparison (a general dictionary goes through a bucket array, then an
/// entry array, then the key). Lookups by span serve prefixes of a string without allocating them.
/// </summary>
internal sealed class NameTable
{
    private readonly List<string> _names;
    private Slot[] _slots;
    private int _mask;

    public NameTable(int expectedCount)
    {
        // Twice the expected names keeps probes short; capped at 2^30 slots (a .NET array's practical limit).
        var wanted = Math.Min(1L << 30, Math.Max(16L, expectedCount) * 2);
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)wanted);
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        _names = new List<string>(Math.Max(16, expectedCount));
    }

    public int Count => _names.Count;

    public string this[int id] => _names[id];

    /// <summary>The id of <paramref name="name"/>, adding it when new.</summary>
    public int GetOrAdd(string name)
    {
        var hash = string.GetHashCode(name.AsSpan());
        var i = hash & _mask;
        while (true)
        {
            ref var slot = ref _slots[i];
            if (slot.Key is null)
            {
                var id = _names.Count;
                slot = new Slot(name, hash, id);
                _names.Add(name);
                if (_names.Count * 2 > _slots.Length)
                {
                    Grow();
                }

                return id;
            }

            if (slot.Hash == hash && string.Equals(slot.Key, name, StringComparison.Ordinal))
            {
                return slot.Id;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>The id of <paramref name="name"/>, or -1 when it was never added.</summary>
    public int Find(string name) => Find(name.AsSpan());

    public int Find(ReadOnlySpan<char> name)
    {
        var hash = string.GetHashCode(name);
        var i = hash & _mask;
        while (true)
        {
            ref readonly var slot = ref _slots[i];
            if (slot.Key is null)
            {
                return -1;
            }

            if (slot.Hash == hash && name.SequenceEqual(slot.Key))
            {
                return slot.Id;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Doubles the table, re-placing every key by its stored hash (no key is hashed again).</summary>
    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Key is null)
            {
                continue;
            }

            var i = slot.Hash & _mask;
            while (_slots[i].Key is not null)
            {
                i = (i + 1) & _mask;
            }

            _slots[i] = slot;
        }
    }

    private readonly record struct Slot(string? Key, int Hash, int Id);
}
