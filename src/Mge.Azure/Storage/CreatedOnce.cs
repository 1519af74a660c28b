using System.Collections.Concurrent;

namespace Mge.Azure.Storage;

/// <summary>
/// Runs a "create if not exists" once per name and remembers the result, but forgets a failure, so a
/// table or container whose creation failed during a storage outage is created on the next call.
/// </summary>
internal sealed class CreatedOnce<T>
{
    private readonly ConcurrentDictionary<string, Lazy<Task<T>>> _items = new(StringComparer.Ordinal);

    public async Task<T> GetAsync(string name, Func<string, Task<T>> create, CancellationToken cancellationToken)
    {
        var lazy = _items.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _items.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, lazy));
            throw;
        }
    }
}
